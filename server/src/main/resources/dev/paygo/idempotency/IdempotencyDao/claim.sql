INSERT INTO idempotency_keys (scope, key_hash, fingerprint, status, response_sealed, created_at_ms)
VALUES (:scope, :keyHash, :fingerprint, NULL, NULL, :nowMs)
ON CONFLICT (scope, key_hash) DO NOTHING
