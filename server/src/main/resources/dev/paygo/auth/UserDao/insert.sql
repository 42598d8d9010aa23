INSERT INTO users (id, email, api_key_hash, created_at_ms)
VALUES (:id, :email, :apiKeyHash, :createdAtMs)
ON CONFLICT (email) DO NOTHING
