SELECT id, name, billing_currency, billing_cycle_anchor_ms, created_at_ms
FROM accounts
WHERE lower(name) LIKE :pattern ESCAPE '!' OR id LIKE :pattern ESCAPE '!'
ORDER BY lower(name), id
LIMIT :limit OFFSET :offset
