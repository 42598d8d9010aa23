DELETE FROM console_sessions WHERE expires_at_ms <= :nowMs
