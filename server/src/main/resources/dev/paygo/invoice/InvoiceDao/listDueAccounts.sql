SELECT a.id FROM accounts a LEFT JOIN billing_cursors c ON c.account_id = a.id
WHERE (c.account_id IS NULL OR c.period_end <= :dueDay) AND a.id > :afterId
ORDER BY a.id
LIMIT :limit
