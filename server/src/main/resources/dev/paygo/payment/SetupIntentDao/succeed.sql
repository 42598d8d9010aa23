UPDATE setup_intents SET status = 'succeeded'
WHERE account_id = :accountId AND secret_hash = :secretHash AND status = 'requires_payment_method'
  AND created_at_ms > :issuedAfterMs
