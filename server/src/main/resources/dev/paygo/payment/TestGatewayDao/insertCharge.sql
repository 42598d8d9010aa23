INSERT INTO test_gateway_charges (attempt_id, amount_minor, currency, card_last4, outcome, charged_at_ms)
VALUES (:attemptId, :amountMinor, :currency, :cardLast4, :outcome, :nowMs)
ON CONFLICT (attempt_id) DO NOTHING
