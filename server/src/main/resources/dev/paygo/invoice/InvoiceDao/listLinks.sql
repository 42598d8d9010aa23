SELECT l.invoice_id, l.token
FROM invoice_links l JOIN invoices i ON i.id = l.invoice_id
WHERE i.account_id = :accountId AND l.invoice_id IN (<ids>)
