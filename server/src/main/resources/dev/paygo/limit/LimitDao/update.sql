UPDATE rate_limit_buckets SET tokens_micro = :tokensMicro, updated_ms = :nowMs WHERE bucket_key = :key
