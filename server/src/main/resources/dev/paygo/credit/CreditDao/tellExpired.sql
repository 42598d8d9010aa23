UPDATE credit_grants SET expired_told_at_ms = :nowMs
WHERE account_id = :accountId AND id = :id AND expired_told_at_ms IS NULL
