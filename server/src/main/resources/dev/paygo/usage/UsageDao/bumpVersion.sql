INSERT INTO usage_versions (account_id, version)
VALUES (:accountId, 1)
ON CONFLICT (account_id) DO UPDATE SET version = usage_versions.version + 1
