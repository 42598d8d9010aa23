DELETE FROM organization_members WHERE organization_id = :organizationId AND account_id = :accountId
