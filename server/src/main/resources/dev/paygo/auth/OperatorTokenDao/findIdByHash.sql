SELECT id FROM operator_tokens WHERE value_hash = :valueHash AND revoked_at_ms IS NULL
