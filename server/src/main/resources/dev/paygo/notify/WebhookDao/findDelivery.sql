SELECT d.id, d.endpoint_id, d.event_id, v.event_type, v.account_id, d.status, d.attempts, d.next_attempt_at_ms,
       d.last_attempt_at_ms, d.last_status_code, d.last_error, d.delivered_at_ms, d.created_at_ms
FROM webhook_deliveries d
JOIN webhook_events v ON v.id = d.event_id
WHERE d.endpoint_id = :endpointId AND d.id = :id
