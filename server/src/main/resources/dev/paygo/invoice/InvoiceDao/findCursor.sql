SELECT account_id, period_start, period_end, last_billed_at_ms FROM billing_cursors WHERE account_id = :accountId
