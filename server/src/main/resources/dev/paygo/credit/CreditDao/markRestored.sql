UPDATE credit_uses SET restored_at_ms = :nowMs WHERE invoice_id = :invoiceId AND restored_at_ms IS NULL
