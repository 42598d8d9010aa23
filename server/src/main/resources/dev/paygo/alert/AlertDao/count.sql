SELECT COUNT(*) FROM spend_alerts WHERE account_id = :accountId
