INSERT INTO rate_limit_buckets (bucket_key, tokens_micro, updated_ms)
VALUES (:key, :tokensMicro, :nowMs)
ON CONFLICT (bucket_key) DO UPDATE SET bucket_key = excluded.bucket_key
