INSERT INTO console_sessions (id_hash, credential_hash, csrf, created_at_ms, expires_at_ms)
VALUES (:idHash, :credentialHash, :csrf, :createdAtMs, :expiresAtMs)
