SELECT account_id, period_start, metric, utc_day, billed_in, consumed, pricing_quantity, cost
FROM billed_days
WHERE account_id = :accountId AND period_start >= :fromDay AND period_start < :toDay
ORDER BY period_start, metric, utc_day, billed_in
