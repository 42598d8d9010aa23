UPDATE invoices SET
    attempts = attempts + 1,
    paid_minor = paid_minor + :amountMinor,
    status = CASE WHEN paid_minor + :amountMinor = total_minor THEN 'paid' ELSE status END,
    next_attempt_at_ms = CASE WHEN paid_minor + :amountMinor = total_minor THEN NULL ELSE next_attempt_at_ms END,
    settled_at_ms = CASE WHEN paid_minor + :amountMinor = total_minor THEN :nowMs ELSE settled_at_ms END
WHERE id = :id AND account_id = :accountId AND attempts = :seenAttempts
  AND status IN ('open', 'past_due', 'uncollectible') AND paid_minor + :amountMinor <= total_minor
