SELECT COUNT(*) FROM invoices WHERE account_id = :accountId
