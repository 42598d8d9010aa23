UPDATE webhook_deliveries
SET status = CASE WHEN CAST(:nextAttemptAtMs AS BIGINT) IS NULL THEN 'failed' ELSE 'pending' END,
    attempts = attempts + 1, next_attempt_at_ms = :nextAttemptAtMs, lease_until_ms = NULL,
    last_attempt_at_ms = :nowMs, last_status_code = :statusCode, last_error = :error
WHERE id = :id AND lease_until_ms = :leaseUntilMs AND status = 'pending'
