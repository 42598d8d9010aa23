INSERT INTO organization_members (account_id, organization_id, added_at_ms)
VALUES (:accountId, :organizationId, :addedAtMs)
ON CONFLICT (account_id) DO NOTHING
