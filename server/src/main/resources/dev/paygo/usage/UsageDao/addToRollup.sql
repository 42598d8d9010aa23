-- The WHERE keeps a day's total within a BIGINT: when the sum would pass 9223372036854775807 units the row is
-- left unchanged and the statement reports 0 rows (the service then refuses the event). It is written so that
-- no step overflows: SQLite would turn an overflowing sum into a float, PostgreSQL would fail.
INSERT INTO usage_rollups (account_id, metric, utc_day, quantity_units, quantity_atto, event_count)
VALUES (:accountId, :metric, :utcDay, :quantityUnits, :quantityAtto, :eventCount)
ON CONFLICT (account_id, utc_day, metric) DO UPDATE SET
    quantity_units = usage_rollups.quantity_units + excluded.quantity_units
                     + (usage_rollups.quantity_atto + excluded.quantity_atto) / 1000000000000000000,
    quantity_atto  = (usage_rollups.quantity_atto + excluded.quantity_atto) % 1000000000000000000,
    event_count    = usage_rollups.event_count + excluded.event_count
WHERE usage_rollups.quantity_units <= 9223372036854775807 - excluded.quantity_units
                                      - (usage_rollups.quantity_atto + excluded.quantity_atto) / 1000000000000000000
