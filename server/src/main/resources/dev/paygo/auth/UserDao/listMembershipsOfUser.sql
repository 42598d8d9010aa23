SELECT m.account_id, u.id AS user_id, u.email, u.created_at_ms AS user_created_at_ms, m.permission_group_id
FROM account_members m
JOIN users u ON u.id = m.user_id
WHERE m.user_id = :userId
