-- An allocation group's total is part of its day's rollup, which was checked to fit a BIGINT first.
INSERT INTO usage_allocations (account_id, utc_day, metric, group_key, zone_id, tags, quantity_units, quantity_atto,
                               event_count)
VALUES (:accountId, :utcDay, :metric, :groupKey, :zoneId, :tags, :quantityUnits, :quantityAtto, :eventCount)
ON CONFLICT (account_id, utc_day, metric, group_key) DO UPDATE SET
    quantity_units = usage_allocations.quantity_units + excluded.quantity_units
                     + (usage_allocations.quantity_atto + excluded.quantity_atto) / 1000000000000000000,
    quantity_atto  = (usage_allocations.quantity_atto + excluded.quantity_atto) % 1000000000000000000,
    event_count    = usage_allocations.event_count + excluded.event_count
