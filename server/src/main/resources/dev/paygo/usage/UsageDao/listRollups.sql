SELECT account_id, metric, utc_day, quantity_units, quantity_atto, event_count
FROM usage_rollups
WHERE account_id = :accountId AND utc_day >= :fromDay AND utc_day < :toDay
ORDER BY metric, utc_day
