SELECT id FROM api_tokens
WHERE account_id = :accountId AND created_by = :createdBy AND revoked_at_ms IS NULL
