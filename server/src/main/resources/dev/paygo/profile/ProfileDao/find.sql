SELECT account_id, id, fields_json, card_brand, card_last4, card_expiry_month, card_expiry_year, balance_micros, version,
       created_at_ms, edited_at_ms
FROM billing_profiles
WHERE account_id = :accountId
