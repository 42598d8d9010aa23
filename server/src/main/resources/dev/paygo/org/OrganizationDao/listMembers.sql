SELECT account_id FROM organization_members WHERE organization_id = :organizationId ORDER BY account_id
