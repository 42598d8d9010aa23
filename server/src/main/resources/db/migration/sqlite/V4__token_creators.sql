-- Who created each API token ("token:<id>", "user:<id>" or "operator:<id>"; null for tokens created before
-- this migration), so that revoking a token, or removing a member, also revokes the tokens created with it:
-- a token never outlives the rights of the credential that created it.
ALTER TABLE api_tokens ADD COLUMN created_by TEXT;
CREATE INDEX api_tokens_created_by ON api_tokens (account_id, created_by);
