UPDATE invoices SET status = :status, next_attempt_at_ms = :nextAttemptAtMs,
    first_failure_at_ms = COALESCE(first_failure_at_ms, :failedAtMs)
WHERE id = :id AND account_id = :accountId AND status IN ('open', 'past_due')
