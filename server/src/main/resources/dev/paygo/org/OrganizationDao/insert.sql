INSERT INTO organizations (id, name, created_at_ms) VALUES (:id, :name, :createdAtMs)
