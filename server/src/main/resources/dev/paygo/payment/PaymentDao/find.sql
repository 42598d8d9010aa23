SELECT id, invoice_id, account_id, gateway, amount_minor, currency, status, failure, reference, created_at_ms, finished_at_ms FROM payment_attempts WHERE account_id = :accountId AND id = :id
