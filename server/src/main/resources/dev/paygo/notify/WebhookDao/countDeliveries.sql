SELECT COUNT(*) FROM webhook_deliveries
WHERE endpoint_id = :endpointId AND (CAST(:status AS TEXT) IS NULL OR status = :status)
