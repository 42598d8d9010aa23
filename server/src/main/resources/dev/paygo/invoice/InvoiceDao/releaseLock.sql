UPDATE billing_run_lock SET expires_ms = 0 WHERE name = :name AND holder = :holder
