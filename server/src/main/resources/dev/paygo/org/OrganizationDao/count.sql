SELECT COUNT(*) FROM organizations
