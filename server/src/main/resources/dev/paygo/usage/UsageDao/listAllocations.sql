SELECT account_id, utc_day, metric, group_key, zone_id, tags, quantity_units, quantity_atto, event_count
FROM usage_allocations
WHERE account_id = :accountId AND utc_day >= :fromDay AND utc_day < :toDay
ORDER BY utc_day, metric, group_key
