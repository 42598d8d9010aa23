UPDATE billing_cursors SET period_start = :nextStart, period_end = :nextEnd, last_billed_at_ms = :billedAtMs
WHERE account_id = :accountId AND period_start = :billedStart
