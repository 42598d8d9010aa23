INSERT INTO zones (account_id, zone_id, name, updated_at_ms)
VALUES (:accountId, :zoneId, :name, :updatedAtMs)
ON CONFLICT (account_id, zone_id) DO UPDATE SET name = excluded.name, updated_at_ms = excluded.updated_at_ms
