SELECT id, email, api_key_hash, created_at_ms FROM users WHERE email = :email
