INSERT INTO webhook_endpoint_events (endpoint_id, event_type) VALUES (:endpointId, :eventType)
