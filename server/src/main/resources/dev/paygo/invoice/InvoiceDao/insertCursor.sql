INSERT INTO billing_cursors (account_id, period_start, period_end, last_billed_at_ms)
VALUES (:accountId, :periodStart, :periodEnd, :lastBilledAtMs)
ON CONFLICT (account_id) DO NOTHING
