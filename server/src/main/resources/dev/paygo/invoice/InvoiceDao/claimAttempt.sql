UPDATE invoices SET attempts = attempts + 1, next_attempt_at_ms = NULL
WHERE id = :id AND attempts = :seenAttempts AND status IN ('open', 'past_due')
  AND next_attempt_at_ms IS NOT NULL AND next_attempt_at_ms <= :nowMs
