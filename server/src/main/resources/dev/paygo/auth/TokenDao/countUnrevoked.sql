SELECT COUNT(*)
FROM api_tokens
WHERE account_id = :accountId AND revoked_at_ms IS NULL
  AND (:includeExpired OR expires_at_ms IS NULL OR expires_at_ms > :nowMs)
