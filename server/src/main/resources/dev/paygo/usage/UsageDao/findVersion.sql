SELECT version FROM usage_versions WHERE account_id = :accountId
