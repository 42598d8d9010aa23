SELECT id, endpoint_id
FROM webhook_deliveries
WHERE endpoint_id = :endpointId AND status = 'pending' AND next_attempt_at_ms <= :nowMs
  AND (lease_until_ms IS NULL OR lease_until_ms < :nowMs)
ORDER BY next_attempt_at_ms, id
LIMIT :limit
