SELECT tokens_micro, updated_ms FROM rate_limit_buckets WHERE bucket_key = :key
