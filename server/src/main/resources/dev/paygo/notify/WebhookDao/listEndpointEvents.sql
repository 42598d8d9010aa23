SELECT event_type FROM webhook_endpoint_events WHERE endpoint_id = :endpointId ORDER BY event_type
