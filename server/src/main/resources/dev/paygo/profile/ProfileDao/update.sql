UPDATE billing_profiles
SET fields_json = :fieldsJson, card_brand = :cardBrand, card_last4 = :cardLast4,
    card_expiry_month = :cardExpiryMonth, card_expiry_year = :cardExpiryYear, edited_at_ms = :editedAtMs,
    version = :version + 1
WHERE account_id = :accountId AND version = :version
