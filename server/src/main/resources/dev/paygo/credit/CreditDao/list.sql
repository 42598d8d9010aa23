SELECT id, account_id, currency, amount_minor, remaining_minor, valid_from_ms, valid_to_ms, description,
       created_at_ms, expired_early_ms, low_told_at_ms, expired_told_at_ms
FROM credit_grants WHERE account_id = :accountId
ORDER BY valid_to_ms, created_at_ms, id
