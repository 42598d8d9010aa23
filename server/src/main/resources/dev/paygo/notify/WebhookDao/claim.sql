UPDATE webhook_deliveries SET lease_until_ms = :leaseUntilMs
WHERE id = :id AND status = 'pending' AND next_attempt_at_ms <= :nowMs
  AND (lease_until_ms IS NULL OR lease_until_ms < :nowMs)
