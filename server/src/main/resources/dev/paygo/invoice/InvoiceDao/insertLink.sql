INSERT INTO invoice_links (invoice_id, token) VALUES (:invoiceId, :token)
