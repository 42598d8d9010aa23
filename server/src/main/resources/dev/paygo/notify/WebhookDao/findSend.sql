SELECT d.id, d.endpoint_id, e.url, e.secret, d.event_id, v.payload, d.attempts, d.retry_until_ms
FROM webhook_deliveries d
JOIN webhook_endpoints e ON e.id = d.endpoint_id
JOIN webhook_events v ON v.id = d.event_id
WHERE d.id = :id
