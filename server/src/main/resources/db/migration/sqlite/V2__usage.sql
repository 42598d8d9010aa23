-- Raw usage events (kept for audit and re-rating) and their daily rollups.
-- Quantities are exact: whole units plus atto-units (10^-18), both BIGINT, added in SQL without floats.
-- No foreign keys: the service checks the account before writing, and accounts are never deleted.

CREATE TABLE usage_events (
    account_id     TEXT    NOT NULL,
    event_id       TEXT    NOT NULL,
    metric         TEXT    NOT NULL,
    quantity_units BIGINT  NOT NULL,
    quantity_atto  BIGINT  NOT NULL,
    occurred_at_ms BIGINT  NOT NULL,
    zone_id        TEXT,
    received_at_ms BIGINT  NOT NULL,
    PRIMARY KEY (account_id, event_id)
) WITHOUT ROWID;

CREATE TABLE usage_rollups (
    account_id     TEXT    NOT NULL,
    metric         TEXT    NOT NULL,
    utc_day        TEXT    NOT NULL,
    quantity_units BIGINT  NOT NULL,
    quantity_atto  BIGINT  NOT NULL,
    event_count    BIGINT  NOT NULL,
    PRIMARY KEY (account_id, utc_day, metric)
) WITHOUT ROWID;
