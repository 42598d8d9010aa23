SELECT id_hash, credential_hash, csrf, created_at_ms, expires_at_ms
FROM console_sessions WHERE id_hash = :idHash AND expires_at_ms > :nowMs
