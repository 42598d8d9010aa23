SELECT id, url, description, secret, created_at_ms
FROM webhook_endpoints
WHERE id = :id AND deleted_at_ms IS NULL
