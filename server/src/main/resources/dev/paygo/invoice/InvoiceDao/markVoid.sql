UPDATE invoices SET status = 'void', next_attempt_at_ms = NULL, settled_at_ms = :nowMs
WHERE id = :id AND account_id = :accountId AND status IN ('open', 'past_due', 'uncollectible') AND paid_minor = 0
