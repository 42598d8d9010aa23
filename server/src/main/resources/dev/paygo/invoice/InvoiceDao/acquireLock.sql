INSERT INTO billing_run_lock (name, holder, expires_ms) VALUES (:name, :holder, :expiresMs)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_ms = excluded.expires_ms
WHERE billing_run_lock.expires_ms < :nowMs OR billing_run_lock.holder = excluded.holder
