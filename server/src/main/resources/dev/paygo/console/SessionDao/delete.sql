DELETE FROM console_sessions WHERE id_hash = :idHash
