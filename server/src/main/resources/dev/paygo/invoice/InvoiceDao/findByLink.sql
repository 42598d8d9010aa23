SELECT i.id, i.account_id, i.number, i.period_start, i.period_end, i.currency, i.status, i.total_minor, i.paid_minor,
       i.gateway, i.attempts, i.next_attempt_at_ms, i.first_failure_at_ms, i.issued_at_ms, i.settled_at_ms,
       i.credits_minor
FROM invoice_links l JOIN invoices i ON i.id = l.invoice_id WHERE l.token = :token
