SELECT account_id, period_start, metric, billed_minor, billed_quantity
FROM billed_amounts WHERE account_id = :accountId AND period_start >= :fromDay AND period_start < :toDay
