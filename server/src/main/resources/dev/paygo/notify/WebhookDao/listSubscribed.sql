SELECT DISTINCT e.id
FROM webhook_endpoints e
JOIN webhook_endpoint_events s ON s.endpoint_id = e.id
WHERE e.deleted_at_ms IS NULL AND (s.event_type = :eventType OR s.event_type = '*')
ORDER BY e.id
