SELECT account_id, fee_id, start_day, end_day, created_at_ms FROM subscription_fees WHERE account_id = :accountId
ORDER BY fee_id
