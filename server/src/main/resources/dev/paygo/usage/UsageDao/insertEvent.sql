-- Positional parameters: the ingestion hot path binds them with plain JDBC (UsageDao.insertEvents), in the
-- order account_id, event_id, metric, quantity_units, quantity_atto, occurred_at_ms, zone_id, received_at_ms, tags.
INSERT INTO usage_events (account_id, event_id, metric, quantity_units, quantity_atto, occurred_at_ms, zone_id,
                          received_at_ms, tags)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, event_id) DO NOTHING
