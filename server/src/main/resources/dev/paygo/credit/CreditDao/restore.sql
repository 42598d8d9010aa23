UPDATE credit_grants
SET remaining_minor = remaining_minor + (SELECT u.amount_minor FROM credit_uses u
                                         WHERE u.grant_id = credit_grants.id AND u.invoice_id = :invoiceId)
WHERE account_id = :accountId
  AND id IN (SELECT grant_id FROM credit_uses WHERE invoice_id = :invoiceId AND restored_at_ms IS NULL)
