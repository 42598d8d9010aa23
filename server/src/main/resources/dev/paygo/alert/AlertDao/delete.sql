DELETE FROM spend_alerts WHERE account_id = :accountId AND id = :id
