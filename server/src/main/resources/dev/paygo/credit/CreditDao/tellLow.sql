UPDATE credit_grants SET low_told_at_ms = :nowMs
WHERE account_id = :accountId AND id = :id AND low_told_at_ms IS NULL
