UPDATE webhook_deliveries
SET status = 'delivered', attempts = attempts + 1, next_attempt_at_ms = NULL, lease_until_ms = NULL,
    last_attempt_at_ms = :nowMs, last_status_code = :statusCode, last_error = NULL, delivered_at_ms = :nowMs
WHERE id = :id AND lease_until_ms = :leaseUntilMs AND status = 'pending'
