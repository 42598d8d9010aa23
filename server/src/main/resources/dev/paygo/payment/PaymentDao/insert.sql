INSERT INTO payment_attempts (id, invoice_id, account_id, gateway, amount_minor, currency, status, failure, reference, created_at_ms, finished_at_ms)
VALUES (:id, :invoiceId, :accountId, :gateway, :amountMinor, :currency, :status, :failure, :reference, :createdAtMs,
        :finishedAtMs)
