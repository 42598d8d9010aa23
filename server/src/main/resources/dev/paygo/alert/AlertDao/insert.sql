INSERT INTO spend_alerts (id, account_id, currency, amount_minor, created_at_ms)
VALUES (:id, :accountId, :currency, :amountMinor, :createdAtMs)
