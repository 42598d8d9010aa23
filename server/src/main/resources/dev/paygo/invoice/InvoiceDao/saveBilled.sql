INSERT INTO billed_amounts (account_id, period_start, metric, billed_minor, billed_quantity)
VALUES (:accountId, :periodStart, :metric, :billedMinor, :billedQuantity)
ON CONFLICT (account_id, period_start, metric) DO UPDATE SET billed_minor = excluded.billed_minor,
    billed_quantity = excluded.billed_quantity
