SELECT id, url, description, secret, created_at_ms
FROM webhook_endpoints
WHERE deleted_at_ms IS NULL
ORDER BY created_at_ms, id
