INSERT INTO operator_tokens (id, name, value_hash, created_at_ms)
VALUES (:id, :name, :valueHash, :createdAtMs)
