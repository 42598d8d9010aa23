SELECT DISTINCT billing_currency FROM accounts ORDER BY billing_currency
