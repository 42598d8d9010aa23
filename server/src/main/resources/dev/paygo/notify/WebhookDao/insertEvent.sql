INSERT INTO webhook_events (id, event_type, account_id, payload, created_at_ms)
VALUES (:id, :eventType, :accountId, :payload, :createdAtMs)
