SELECT id, endpoint_id
FROM (SELECT d.id, d.endpoint_id, d.next_attempt_at_ms,
             ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at_ms, d.id) AS nth
      FROM webhook_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at_ms <= :nowMs
        AND (d.lease_until_ms IS NULL OR d.lease_until_ms < :nowMs)) due
WHERE nth <= :perEndpoint
ORDER BY next_attempt_at_ms, id
LIMIT :limit
