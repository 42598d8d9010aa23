SELECT invoice_id, line_no, kind, description, metric, quantity, unit, period_start, period_end, amount_minor
FROM invoice_lines i
WHERE invoice_id = :invoiceId AND EXISTS (SELECT 1 FROM invoices v WHERE v.id = i.invoice_id AND v.account_id = :accountId)
ORDER BY line_no
