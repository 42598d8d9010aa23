UPDATE webhook_deliveries
SET status = 'pending', next_attempt_at_ms = :nowMs, retry_until_ms = :retryUntilMs
WHERE endpoint_id = :endpointId AND id = :id
