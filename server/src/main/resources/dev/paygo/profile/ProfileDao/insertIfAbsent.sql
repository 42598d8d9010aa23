INSERT INTO billing_profiles (account_id, id, fields_json, card_brand, card_last4, card_expiry_month,
                              card_expiry_year, balance_micros, version, created_at_ms, edited_at_ms)
VALUES (:accountId, :id, :fieldsJson, :cardBrand, :cardLast4, :cardExpiryMonth, :cardExpiryYear, :balanceMicros, :version,
        :createdAtMs, :editedAtMs)
ON CONFLICT (account_id) DO NOTHING
