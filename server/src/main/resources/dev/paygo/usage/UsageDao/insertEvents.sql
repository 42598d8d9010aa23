INSERT INTO usage_events (account_id, event_id, metric, quantity_units, quantity_atto, occurred_at_ms, zone_id,
                          received_at_ms)
VALUES <rows>
ON CONFLICT (account_id, event_id) DO NOTHING
RETURNING account_id, event_id
