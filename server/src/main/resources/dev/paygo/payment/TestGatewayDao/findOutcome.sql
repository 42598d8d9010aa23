SELECT outcome FROM test_gateway_charges WHERE attempt_id = :attemptId
