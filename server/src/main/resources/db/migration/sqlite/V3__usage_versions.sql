-- A counter per account that every ingestion transaction touching the account increases, so a node can
-- tell whether usage records it computed (and cached) are still current, also across several nodes.
CREATE TABLE usage_versions (
    account_id TEXT   NOT NULL PRIMARY KEY,
    version    BIGINT NOT NULL
);
