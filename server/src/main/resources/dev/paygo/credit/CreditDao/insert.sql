INSERT INTO credit_grants (id, account_id, currency, amount_minor, remaining_minor, valid_from_ms, valid_to_ms,
                           description, created_at_ms, expired_early_ms)
VALUES (:id, :accountId, :currency, :amountMinor, :remainingMinor, :validFromMs, :validToMs, :description,
        :createdAtMs, :expiredEarlyMs)
