SELECT id, account_id, name, value_hash, policies_json, issued_at_ms, modified_at_ms, not_before_ms, expires_at_ms, revoked_at_ms, created_by
FROM api_tokens
WHERE account_id = :accountId AND revoked_at_ms IS NULL
ORDER BY issued_at_ms, id
LIMIT :limit OFFSET :offset
