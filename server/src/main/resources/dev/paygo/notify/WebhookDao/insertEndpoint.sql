INSERT INTO webhook_endpoints (id, url, description, secret, created_at_ms)
VALUES (:id, :url, :description, :secret, :createdAtMs)
