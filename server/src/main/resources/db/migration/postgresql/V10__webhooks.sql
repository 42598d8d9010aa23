-- Webhooks: the endpoints the operator registers (with the event types each receives), the outbox of events
-- (written in the same transaction as the change they tell of, so a crash loses none), and one delivery per event
-- and subscribed endpoint, retried with backoff until it succeeds or its retry window ends. A delivery is claimed
-- by a node with a lease (lease_until_ms), so nodes sharing the database never send one twice at once.
-- The credit grant columns record that credit.low / credit.expired was told, so each is told once per grant.

CREATE TABLE webhook_endpoints (
    id            TEXT   NOT NULL PRIMARY KEY,
    url           TEXT   NOT NULL,
    description   TEXT   NOT NULL,
    secret        TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL,
    deleted_at_ms BIGINT
);

CREATE TABLE webhook_endpoint_events (
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
    event_type  TEXT NOT NULL,
    PRIMARY KEY (endpoint_id, event_type)
);
CREATE INDEX webhook_endpoint_events_type ON webhook_endpoint_events (event_type);

CREATE TABLE webhook_events (
    id            TEXT   NOT NULL PRIMARY KEY,
    event_type    TEXT   NOT NULL,
    account_id    TEXT   NOT NULL,
    payload       TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id                 TEXT    NOT NULL PRIMARY KEY,
    endpoint_id        TEXT    NOT NULL REFERENCES webhook_endpoints (id),
    event_id           TEXT    NOT NULL REFERENCES webhook_events (id),
    status             TEXT    NOT NULL,
    attempts           INTEGER NOT NULL,
    next_attempt_at_ms BIGINT,
    retry_until_ms     BIGINT  NOT NULL,
    lease_until_ms     BIGINT,
    last_attempt_at_ms BIGINT,
    last_status_code   INTEGER,
    last_error         TEXT,
    delivered_at_ms    BIGINT,
    created_at_ms      BIGINT  NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at_ms);
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, status, next_attempt_at_ms);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at_ms);

ALTER TABLE credit_grants ADD COLUMN low_told_at_ms BIGINT;
ALTER TABLE credit_grants ADD COLUMN expired_told_at_ms BIGINT;
