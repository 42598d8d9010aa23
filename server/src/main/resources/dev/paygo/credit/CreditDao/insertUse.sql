INSERT INTO credit_uses (invoice_id, grant_id, amount_minor) VALUES (:invoiceId, :grantId, :amountMinor)
