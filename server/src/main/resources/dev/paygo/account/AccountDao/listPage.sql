SELECT id, name, billing_currency, billing_cycle_anchor_ms, created_at_ms
FROM accounts
ORDER BY created_at_ms, id
LIMIT :limit OFFSET :offset
