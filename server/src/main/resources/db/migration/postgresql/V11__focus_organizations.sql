-- FOCUS records and organizations.
-- usage_events.tags: an event's tags, as canonical JSON (keys sorted), or NULL.
-- usage_allocations: daily totals of the events that carry a zone or tags, per (zone, tag set); the events with
-- neither are the day's rollup minus these, so untagged ingestion writes nothing more. group_key is a SHA-256 of
-- zone and tags (bounded length for the key), zone_id and tags are what it stands for.
-- zones: names of zones an account reports usage for (x_ZoneName).
-- organizations and their member accounts (an account belongs to at most one).
-- billed_days: what an invoice billed of each day of a period, per metric (the regular FOCUS rows of an invoiced
-- period), and what a later invoice's correction billed of it (billed_in names that invoice's period).

ALTER TABLE usage_events ADD COLUMN tags TEXT;

CREATE TABLE usage_allocations (
    account_id     TEXT   NOT NULL,
    utc_day        TEXT   NOT NULL,
    metric         TEXT   NOT NULL,
    group_key      TEXT   NOT NULL,
    zone_id        TEXT,
    tags           TEXT,
    quantity_units BIGINT NOT NULL,
    quantity_atto  BIGINT NOT NULL,
    event_count    BIGINT NOT NULL,
    PRIMARY KEY (account_id, utc_day, metric, group_key)
);

CREATE TABLE zones (
    account_id    TEXT   NOT NULL,
    zone_id       TEXT   NOT NULL,
    name          TEXT   NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (account_id, zone_id)
);

CREATE TABLE organizations (
    id            TEXT   NOT NULL PRIMARY KEY,
    name          TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE organization_members (
    account_id      TEXT   NOT NULL PRIMARY KEY,
    organization_id TEXT   NOT NULL REFERENCES organizations (id),
    added_at_ms     BIGINT NOT NULL
);
CREATE INDEX organization_members_org ON organization_members (organization_id, account_id);

CREATE TABLE billed_days (
    account_id       TEXT NOT NULL,
    period_start     TEXT NOT NULL,
    metric           TEXT NOT NULL,
    utc_day          TEXT NOT NULL,
    billed_in        TEXT NOT NULL,
    consumed         TEXT NOT NULL,
    pricing_quantity TEXT NOT NULL,
    cost             TEXT NOT NULL,
    PRIMARY KEY (account_id, period_start, metric, utc_day, billed_in)
);

-- api_tokens.account_id names the token's owner: an account, or an organization for an organization's token (its
-- policies name the organization). The foreign key to accounts goes.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_account_id_fkey;
