INSERT INTO setup_intents (id, account_id, secret_hash, status, created_at_ms)
VALUES (:id, :accountId, :secretHash, 'requires_payment_method', :createdAtMs)
