SELECT COALESCE(SUM(total_minor - paid_minor), 0) FROM invoices
WHERE account_id = :accountId AND status IN ('open', 'past_due', 'uncollectible')
