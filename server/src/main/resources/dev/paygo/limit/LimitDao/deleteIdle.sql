DELETE FROM rate_limit_buckets WHERE updated_ms < :cutoffMs
