INSERT INTO subscriptions (id, account_id, plan, start_at_ms, billing_cycle_anchor_ms, end_at_ms)
VALUES (:id, :accountId, :plan, :startAtMs, :billingCycleAnchorMs, :endAtMs)
