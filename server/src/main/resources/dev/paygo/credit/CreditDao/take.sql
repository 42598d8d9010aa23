UPDATE credit_grants SET remaining_minor = remaining_minor - :amountMinor
WHERE account_id = :accountId AND id = :id AND remaining_minor = :remainingMinor
