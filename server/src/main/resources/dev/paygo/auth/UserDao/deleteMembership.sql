DELETE FROM account_members WHERE account_id = :accountId AND user_id = :userId
