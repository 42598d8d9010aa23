-- The web console.
-- console_sessions: a signed-in browser. id_hash is the SHA-256 of the session cookie's value (the cookie itself is
-- never stored); credential_hash is the SHA-256 the credential's own table keeps (api_tokens.token_hash or the
-- operator's), so every request re-checks that the credential still stands: revoking a token ends its sessions.
-- csrf is the form token every change must carry.
-- invoice_links: the unguessable token of an invoice's hosted page (hosted_invoice_url); existing invoices get one
-- here, new ones when they are issued.

CREATE TABLE console_sessions (
    id_hash         TEXT   NOT NULL PRIMARY KEY,
    credential_hash TEXT   NOT NULL,
    csrf            TEXT   NOT NULL,
    created_at_ms   BIGINT NOT NULL,
    expires_at_ms   BIGINT NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at_ms);

CREATE TABLE invoice_links (
    invoice_id TEXT NOT NULL PRIMARY KEY REFERENCES invoices (id),
    token      TEXT NOT NULL UNIQUE
);
INSERT INTO invoice_links (invoice_id, token) SELECT id, lower(hex(randomblob(24))) FROM invoices;
