SELECT id FROM webhook_endpoints WHERE deleted_at_ms IS NULL ORDER BY id
