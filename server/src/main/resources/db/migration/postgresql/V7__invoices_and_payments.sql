-- Billing: invoices issued at period close, their lines, gapless numbers, each account's billing cursor (the
-- next period to bill), what each period has been billed per metric (so late usage becomes a correction), the
-- plan fees accounts hold, payment attempts, the test gateway's own ledger (a processor's record of what it
-- charged), the billing-run lock shared by every node, and payment-method setup intents. Money is in minor units
-- of the invoice's currency (cents for USD, yen for JPY).

CREATE TABLE subscription_fees (
    account_id    TEXT   NOT NULL REFERENCES accounts (id),
    fee_id        TEXT   NOT NULL,
    start_day     TEXT   NOT NULL,
    end_day       TEXT,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (account_id, fee_id)
);

CREATE TABLE invoice_counters (
    series      TEXT   NOT NULL PRIMARY KEY,
    last_number BIGINT NOT NULL
);

CREATE TABLE invoices (
    id                  TEXT    NOT NULL PRIMARY KEY,
    account_id          TEXT    NOT NULL REFERENCES accounts (id),
    number              TEXT    NOT NULL UNIQUE,
    period_start        TEXT    NOT NULL,
    period_end          TEXT    NOT NULL,
    currency            TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    total_minor         BIGINT  NOT NULL,
    paid_minor          BIGINT  NOT NULL,
    gateway             TEXT    NOT NULL,
    attempts            INTEGER NOT NULL,
    next_attempt_at_ms  BIGINT,
    first_failure_at_ms BIGINT,
    issued_at_ms        BIGINT  NOT NULL,
    settled_at_ms       BIGINT,
    UNIQUE (account_id, period_start)
);
CREATE INDEX invoices_account ON invoices (account_id, issued_at_ms);
CREATE INDEX invoices_to_charge ON invoices (status, next_attempt_at_ms);

CREATE TABLE invoice_lines (
    invoice_id     TEXT    NOT NULL REFERENCES invoices (id),
    line_no        INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    metric         TEXT,
    quantity       TEXT,
    unit           TEXT,
    period_start   TEXT    NOT NULL,
    period_end     TEXT    NOT NULL,
    amount_minor   BIGINT  NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE billing_cursors (
    account_id         TEXT   NOT NULL PRIMARY KEY REFERENCES accounts (id),
    period_start       TEXT   NOT NULL,
    period_end         TEXT   NOT NULL,
    last_billed_at_ms  BIGINT
);
CREATE INDEX billing_cursors_due ON billing_cursors (period_end);

CREATE TABLE billed_amounts (
    account_id      TEXT   NOT NULL,
    period_start    TEXT   NOT NULL,
    metric          TEXT   NOT NULL,
    billed_minor    BIGINT NOT NULL,
    billed_quantity TEXT   NOT NULL,
    PRIMARY KEY (account_id, period_start, metric)
);

CREATE TABLE payment_attempts (
    id              TEXT    NOT NULL PRIMARY KEY,
    invoice_id      TEXT    NOT NULL REFERENCES invoices (id),
    account_id      TEXT    NOT NULL,
    gateway         TEXT    NOT NULL,
    amount_minor    BIGINT  NOT NULL,
    currency        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    failure         TEXT,
    reference       TEXT,
    created_at_ms   BIGINT  NOT NULL,
    finished_at_ms  BIGINT
);
CREATE INDEX payment_attempts_invoice ON payment_attempts (invoice_id, created_at_ms);
CREATE INDEX payment_attempts_account ON payment_attempts (account_id, created_at_ms);

CREATE TABLE test_gateway_charges (
    attempt_id    TEXT   NOT NULL PRIMARY KEY,
    amount_minor  BIGINT NOT NULL,
    currency      TEXT   NOT NULL,
    card_last4    TEXT,
    outcome       TEXT   NOT NULL,
    charged_at_ms BIGINT NOT NULL
);

CREATE TABLE billing_run_lock (
    name        TEXT   NOT NULL PRIMARY KEY,
    holder      TEXT   NOT NULL,
    expires_ms  BIGINT NOT NULL
);

CREATE TABLE setup_intents (
    id            TEXT   NOT NULL PRIMARY KEY,
    account_id    TEXT   NOT NULL REFERENCES accounts (id),
    secret_hash   TEXT   NOT NULL UNIQUE,
    status        TEXT   NOT NULL,
    created_at_ms BIGINT NOT NULL
);
