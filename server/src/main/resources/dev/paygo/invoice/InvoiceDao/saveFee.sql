INSERT INTO subscription_fees (account_id, fee_id, start_day, end_day, created_at_ms)
VALUES (:accountId, :feeId, :startDay, :endDay, :createdAtMs)
ON CONFLICT (account_id, fee_id) DO UPDATE SET start_day = excluded.start_day, end_day = excluded.end_day
