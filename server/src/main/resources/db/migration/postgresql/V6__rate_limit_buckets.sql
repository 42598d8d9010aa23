-- Token buckets shared by every paygo node on this database (per credential, per client address, per email),
-- in micro-tokens. Nodes take tokens in small leases, so a limit holds across nodes; idle buckets are purged.
CREATE TABLE rate_limit_buckets (
    bucket_key   TEXT   NOT NULL PRIMARY KEY,
    tokens_micro BIGINT NOT NULL,
    updated_ms   BIGINT NOT NULL
);
CREATE INDEX rate_limit_buckets_updated ON rate_limit_buckets (updated_ms);
