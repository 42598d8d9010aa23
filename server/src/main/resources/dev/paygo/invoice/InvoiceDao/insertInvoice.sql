INSERT INTO invoices (id, account_id, number, period_start, period_end, currency, status, total_minor, paid_minor,
                      gateway, attempts, next_attempt_at_ms, first_failure_at_ms, issued_at_ms, settled_at_ms, credits_minor)
VALUES (:id, :accountId, :number, :periodStart, :periodEnd, :currency, :status, :totalMinor, :paidMinor, :gateway,
        :attempts, :nextAttemptAtMs, :firstFailureAtMs, :issuedAtMs, :settledAtMs, :creditsMinor)
