-- Answers to POST and PATCH requests sent with an Idempotency-Key, per credential, kept 24 hours: the same key
-- with the same request gets the first answer again; with another request, 422. Neither the key nor the
-- answer is stored as sent: key_hash and fingerprint are HMACs under a secret derived from the key, and the
-- answer (which may hold a new token's value) is sealed with it (AES-256-GCM), so the database alone reveals
-- nothing. status is null while the first request is still running (usage ingestion commits on its own).
CREATE TABLE idempotency_keys (
    scope           TEXT    NOT NULL,
    key_hash        TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    status          INTEGER,
    response_sealed TEXT,
    created_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (scope, key_hash)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at_ms);
