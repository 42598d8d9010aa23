SELECT COUNT(*) FROM test_gateway_charges WHERE attempt_id LIKE :attemptIdPrefix || '%'
