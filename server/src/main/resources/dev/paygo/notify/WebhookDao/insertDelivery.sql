INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempts, next_attempt_at_ms, retry_until_ms,
                                created_at_ms)
VALUES (:id, :endpointId, :eventId, 'pending', 0, :nowMs, :retryUntilMs, :nowMs)
