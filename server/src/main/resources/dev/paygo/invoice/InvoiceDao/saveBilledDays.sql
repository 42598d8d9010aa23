INSERT INTO billed_days (account_id, period_start, metric, utc_day, billed_in, consumed, pricing_quantity, cost)
VALUES (:accountId, :periodStart, :metric, :utcDay, :billedIn, :consumed, :pricingQuantity, :cost)
ON CONFLICT (account_id, period_start, metric, utc_day, billed_in) DO NOTHING
