-- Credits: grants of prepaid or promotional credit the operator gives an account, and what each invoice took
-- from which grant at finalization (given back if the invoice is voided). Money is in minor units of the grant's
-- currency (the account's). An invoice's total_minor is what is left to pay after credits; credits_minor is what
-- credit paid.

ALTER TABLE invoices ADD COLUMN credits_minor BIGINT NOT NULL DEFAULT 0;

CREATE TABLE credit_grants (
    id               TEXT   NOT NULL PRIMARY KEY,
    account_id       TEXT   NOT NULL REFERENCES accounts (id),
    currency         TEXT   NOT NULL,
    amount_minor     BIGINT NOT NULL,
    remaining_minor  BIGINT NOT NULL,
    valid_from_ms    BIGINT NOT NULL,
    valid_to_ms      BIGINT NOT NULL,
    description      TEXT   NOT NULL,
    created_at_ms    BIGINT NOT NULL,
    expired_early_ms BIGINT,
    CHECK (remaining_minor >= 0 AND remaining_minor <= amount_minor)
);
CREATE INDEX credit_grants_account ON credit_grants (account_id, valid_to_ms);

CREATE TABLE credit_uses (
    invoice_id   TEXT   NOT NULL REFERENCES invoices (id),
    grant_id     TEXT   NOT NULL REFERENCES credit_grants (id),
    amount_minor BIGINT NOT NULL,
    restored_at_ms BIGINT,  -- the invoice was voided and the credit given back to the grant
    PRIMARY KEY (invoice_id, grant_id)
);
CREATE INDEX credit_uses_grant ON credit_uses (grant_id);
