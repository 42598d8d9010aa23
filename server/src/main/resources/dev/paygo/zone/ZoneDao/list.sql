SELECT account_id, zone_id, name, updated_at_ms FROM zones WHERE account_id = :accountId ORDER BY zone_id
