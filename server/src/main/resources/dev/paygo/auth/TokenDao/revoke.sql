UPDATE api_tokens
SET revoked_at_ms = :revokedAtMs, modified_at_ms = :revokedAtMs
WHERE account_id = :accountId AND id = :id AND revoked_at_ms IS NULL
