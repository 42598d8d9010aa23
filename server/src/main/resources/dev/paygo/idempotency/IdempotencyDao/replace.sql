UPDATE idempotency_keys SET fingerprint = :fingerprint, status = NULL, response_sealed = NULL, created_at_ms = :nowMs
WHERE scope = :scope AND key_hash = :keyHash AND created_at_ms = :seenCreatedAtMs
