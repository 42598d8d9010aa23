SELECT organization_id FROM organization_members WHERE account_id = :accountId
