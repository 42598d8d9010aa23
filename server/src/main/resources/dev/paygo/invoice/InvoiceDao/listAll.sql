SELECT id, account_id, number, period_start, period_end, currency, status, total_minor, paid_minor, gateway, attempts,
       next_attempt_at_ms, first_failure_at_ms, issued_at_ms, settled_at_ms, credits_minor
FROM invoices WHERE account_id = :accountId
ORDER BY issued_at_ms DESC, number DESC
