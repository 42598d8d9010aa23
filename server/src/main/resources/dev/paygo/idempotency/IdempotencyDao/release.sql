DELETE FROM idempotency_keys WHERE scope = :scope AND key_hash = :keyHash AND status IS NULL
