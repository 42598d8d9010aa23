UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at_ms = NULL
WHERE endpoint_id = :endpointId AND status = 'pending'
