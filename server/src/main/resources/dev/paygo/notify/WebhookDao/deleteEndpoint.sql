UPDATE webhook_endpoints SET deleted_at_ms = :deletedAtMs WHERE id = :id AND deleted_at_ms IS NULL
