SELECT id, account_id, name, value_hash, policies_json, issued_at_ms, modified_at_ms, not_before_ms, expires_at_ms, revoked_at_ms, created_by
FROM api_tokens
WHERE account_id = :accountId AND revoked_at_ms IS NULL
  AND (:includeExpired OR expires_at_ms IS NULL OR expires_at_ms > :nowMs)
ORDER BY CASE WHEN :newestFirst THEN -issued_at_ms ELSE issued_at_ms END,
         CASE WHEN :newestFirst THEN NULL ELSE id END,
         id DESC
LIMIT :limit OFFSET :offset
