SELECT DISTINCT account_id
FROM credit_grants
WHERE remaining_minor > 0 AND account_id > :afterId
  AND ((low_told_at_ms IS NULL AND valid_from_ms <= :nowMs AND valid_to_ms > :nowMs)
    OR (expired_told_at_ms IS NULL AND valid_to_ms <= :nowMs))
ORDER BY account_id
LIMIT :limit
