SELECT id, name, created_at_ms FROM organizations ORDER BY created_at_ms, id LIMIT :limit OFFSET :offset
