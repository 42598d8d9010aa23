INSERT INTO account_members (account_id, user_id, permission_group_id, created_at_ms)
VALUES (:accountId, :userId, :permissionGroupId, :createdAtMs)
ON CONFLICT (account_id, user_id, permission_group_id) DO NOTHING
