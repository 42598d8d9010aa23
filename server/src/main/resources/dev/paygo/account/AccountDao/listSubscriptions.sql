SELECT id, account_id, plan, start_at_ms, billing_cycle_anchor_ms, end_at_ms
FROM subscriptions
WHERE account_id = :accountId
ORDER BY start_at_ms, id
