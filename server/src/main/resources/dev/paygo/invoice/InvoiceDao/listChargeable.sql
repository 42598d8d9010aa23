SELECT id, account_id, number, period_start, period_end, currency, status, total_minor, paid_minor, gateway, attempts,
       next_attempt_at_ms, first_failure_at_ms, issued_at_ms, settled_at_ms, credits_minor
FROM invoices
WHERE status IN ('open', 'past_due') AND next_attempt_at_ms IS NOT NULL AND next_attempt_at_ms <= :nowMs
  AND id > :afterId
ORDER BY id
LIMIT :limit
