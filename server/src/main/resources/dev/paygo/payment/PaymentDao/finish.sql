UPDATE payment_attempts SET status = :status, failure = :failure, reference = :reference, finished_at_ms = :finishedAtMs
WHERE id = :id AND status = 'pending'
