UPDATE idempotency_keys SET status = :status, response_sealed = :responseSealed
WHERE scope = :scope AND key_hash = :keyHash
