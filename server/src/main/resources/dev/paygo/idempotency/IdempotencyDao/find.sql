SELECT fingerprint, status, response_sealed, created_at_ms
FROM idempotency_keys
WHERE scope = :scope AND key_hash = :keyHash
