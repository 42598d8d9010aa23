SELECT id, account_id, name, value_hash, policies_json, issued_at_ms, modified_at_ms, not_before_ms, expires_at_ms, revoked_at_ms, created_by
FROM api_tokens
WHERE value_hash = :valueHash AND revoked_at_ms IS NULL
