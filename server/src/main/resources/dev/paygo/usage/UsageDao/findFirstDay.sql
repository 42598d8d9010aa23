SELECT MIN(utc_day) FROM usage_rollups WHERE account_id = :accountId
