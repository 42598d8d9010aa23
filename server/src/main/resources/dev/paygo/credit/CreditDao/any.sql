SELECT EXISTS (SELECT 1 FROM credit_grants WHERE account_id = :accountId)
