INSERT INTO accounts (id, name, billing_currency, billing_cycle_anchor_ms, created_at_ms)
VALUES (:id, :name, :billingCurrency, :billingCycleAnchorMs, :createdAtMs)
