INSERT INTO invoice_lines (invoice_id, line_no, kind, description, metric, quantity, unit, period_start, period_end,
                           amount_minor)
VALUES (:invoiceId, :lineNo, :kind, :description, :metric, :quantity, :unit, :periodStart, :periodEnd, :amountMinor)
