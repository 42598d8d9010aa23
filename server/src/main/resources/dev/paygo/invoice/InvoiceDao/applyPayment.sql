UPDATE invoices SET
    paid_minor = paid_minor + :amountMinor,
    status = CASE WHEN paid_minor + :amountMinor = total_minor THEN 'paid' ELSE status END,
    next_attempt_at_ms = CASE WHEN paid_minor + :amountMinor = total_minor THEN NULL ELSE next_attempt_at_ms END,
    settled_at_ms = CASE WHEN paid_minor + :amountMinor = total_minor THEN :nowMs ELSE settled_at_ms END
WHERE id = :id AND account_id = :accountId AND status IN ('open', 'past_due', 'uncollectible')
  AND paid_minor + :amountMinor <= total_minor
