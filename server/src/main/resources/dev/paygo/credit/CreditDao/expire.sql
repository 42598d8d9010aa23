UPDATE credit_grants SET valid_to_ms = :nowMs, expired_early_ms = :nowMs
WHERE account_id = :accountId AND id = :id AND valid_to_ms > :nowMs
