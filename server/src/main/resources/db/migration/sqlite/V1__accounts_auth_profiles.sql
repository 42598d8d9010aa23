-- Accounts, their PayGo subscription, credentials and billing profiles.
-- Instants are epoch milliseconds (UTC) in *_at_ms / *_ms columns; money is scaled integers (*_micros).

CREATE TABLE accounts (
    id                      TEXT    NOT NULL PRIMARY KEY,
    name                    TEXT    NOT NULL,
    billing_currency        TEXT    NOT NULL,
    billing_cycle_anchor_ms BIGINT  NOT NULL,
    created_at_ms           BIGINT  NOT NULL
);
CREATE INDEX accounts_created ON accounts (created_at_ms, id);

CREATE TABLE subscriptions (
    id                      TEXT    NOT NULL PRIMARY KEY,
    account_id              TEXT    NOT NULL REFERENCES accounts (id),
    plan                    TEXT    NOT NULL,
    start_at_ms             BIGINT  NOT NULL,
    billing_cycle_anchor_ms BIGINT  NOT NULL,
    end_at_ms               BIGINT
);
CREATE INDEX subscriptions_account ON subscriptions (account_id);

CREATE TABLE billing_profiles (
    account_id        TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    id                TEXT    NOT NULL UNIQUE,
    fields_json       TEXT    NOT NULL,
    card_brand        TEXT,
    card_last4        TEXT,
    card_expiry_month INTEGER,
    card_expiry_year  INTEGER,
    balance_micros    BIGINT  NOT NULL,
    version           BIGINT  NOT NULL,
    created_at_ms     BIGINT  NOT NULL,
    edited_at_ms      BIGINT  NOT NULL
);

CREATE TABLE api_tokens (
    id             TEXT    NOT NULL PRIMARY KEY,
    account_id     TEXT    NOT NULL REFERENCES accounts (id),
    name           TEXT    NOT NULL,
    value_hash     TEXT    NOT NULL UNIQUE,
    policies_json  TEXT    NOT NULL,
    issued_at_ms   BIGINT  NOT NULL,
    modified_at_ms BIGINT  NOT NULL,
    not_before_ms  BIGINT,
    expires_at_ms  BIGINT,
    revoked_at_ms  BIGINT
);
CREATE INDEX api_tokens_account ON api_tokens (account_id, issued_at_ms);

CREATE TABLE operator_tokens (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL,
    value_hash    TEXT    NOT NULL UNIQUE,
    created_at_ms BIGINT  NOT NULL,
    revoked_at_ms BIGINT
);

CREATE TABLE users (
    id            TEXT    NOT NULL PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    api_key_hash  TEXT    NOT NULL,
    created_at_ms BIGINT  NOT NULL
);

CREATE TABLE account_members (
    account_id          TEXT   NOT NULL REFERENCES accounts (id),
    user_id             TEXT   NOT NULL REFERENCES users (id),
    permission_group_id TEXT   NOT NULL,
    created_at_ms       BIGINT NOT NULL,
    PRIMARY KEY (account_id, user_id, permission_group_id)
);
CREATE INDEX account_members_user ON account_members (user_id);
