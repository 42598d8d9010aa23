-- Spend alerts: "the current period's cost passes AMOUNT", per account, and when each fired. A firing is keyed by
-- the alert and the billing period, so an alert fires at most once per period however many nodes evaluate it.

CREATE TABLE spend_alerts (
    id            TEXT   NOT NULL PRIMARY KEY,
    account_id    TEXT   NOT NULL REFERENCES accounts (id),
    currency      TEXT   NOT NULL,
    amount_minor  BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL
);
CREATE INDEX spend_alerts_account ON spend_alerts (account_id);

CREATE TABLE spend_alert_firings (
    alert_id     TEXT   NOT NULL REFERENCES spend_alerts (id) ON DELETE CASCADE,
    period_start TEXT   NOT NULL,
    cost         TEXT   NOT NULL,
    fired_at_ms  BIGINT NOT NULL,
    PRIMARY KEY (alert_id, period_start)
);
