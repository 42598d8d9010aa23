SELECT id, name, created_at_ms FROM organizations WHERE id = :id
