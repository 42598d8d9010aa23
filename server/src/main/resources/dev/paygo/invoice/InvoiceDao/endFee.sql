UPDATE subscription_fees SET end_day = :endDay WHERE account_id = :accountId AND fee_id = :feeId
