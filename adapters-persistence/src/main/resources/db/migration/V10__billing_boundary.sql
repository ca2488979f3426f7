-- The billing boundary (issue 12): what the engine keeps in its own database because a remote
-- billing system behind the BillingGateway cannot do it; and the built-in ledger's record of the
-- request keys it has answered.
--   * customer_lock becomes a lease (port CustomerLocks, adapter JdbiCustomerLocks): the holder (an
--     operation key) and the end of its lease. A row with no holder, or whose lease ended, is free.
--     The lease is taken and released in short transactions of their own, so it is held across the
--     operation's calls to the billing system, which never run inside a unit of work. The old row
--     lock (SELECT ... FOR UPDATE until the unit ends) keeps working on the same rows.
--   * account_link (AccountLinks, JdbiAccountLinks): the customer's account in the billing system,
--     one per customer; filled from the built-in ledger's billing_account rows.
--   * billing_operation (BillingOperations, JdbiBillingOperations): operations that call the billing
--     system, recorded before the first call and finished with their local effects; one unfinished
--     after its lease is in doubt and is repeated with the same key.
--   * ledger_request (LedgerStore.recordRequest, JdbiLedgerStore): per request key, what the built-in
--     ledger answered, so a repeated command answers the same and books nothing more.
--
-- Portable SQL like V1 to V9: runs unchanged on PostgreSQL 15+ and on H2 2.x in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH (no partial indexes: H2 has none).
--
-- Conventions (besides V1's, V2's and V6's)
--   * Instants are TIMESTAMP WITH TIME ZONE, written and read through UtcInstants.
--   * Keys (operation keys, request keys) are printable ASCII of at most 255 characters (RequestKey).
--   * A row of a customer names it by (tenant_id, user_id) with a foreign key to app_user that cascades
--     ON UPDATE (V2's rule, so it follows a renumbered tenant); the ledger's rows reference the tenant.

ALTER TABLE customer_lock ADD COLUMN holder VARCHAR(255);
ALTER TABLE customer_lock ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;

CREATE TABLE account_link (
    tenant_id   BIGINT      NOT NULL,
    user_id     BIGINT      NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_account_link PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT fk_account_link_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
        ON UPDATE CASCADE
);

-- Every account the built-in ledger holds is its user's account (billing_account is unique per user).
INSERT INTO account_link (tenant_id, user_id, account_id)
SELECT tenant_id, user_id, id FROM billing_account;

-- attempts counts the starts (1 for the first); finished_at is NULL until the operation's local
-- effects commit. kind names what the operation does (checkout, change, ...).
CREATE TABLE billing_operation (
    tenant_id    BIGINT                   NOT NULL,
    op_key       VARCHAR(255)             NOT NULL,
    user_id      BIGINT                   NOT NULL,
    kind         VARCHAR(40)              NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_billing_operation PRIMARY KEY (tenant_id, op_key),
    CONSTRAINT fk_billing_operation_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
        ON UPDATE CASCADE,
    CONSTRAINT ck_billing_operation_attempts CHECK (attempts >= 1)
);

-- The unfinished operations by age, over all tenants (BillingOperations.unfinished).
CREATE INDEX ix_billing_operation_unfinished ON billing_operation (finished_at, started_at);

-- What the built-in ledger answered a command with this request key (result: the kind's own text,
-- e.g. the ids it gave). Kept for good: a repeat any time later answers the same.
CREATE TABLE ledger_request (
    tenant_id    BIGINT                   NOT NULL,
    request_key  VARCHAR(255)             NOT NULL,
    kind         VARCHAR(40)              NOT NULL,
    result       VARCHAR(4000)            NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_request PRIMARY KEY (tenant_id, request_key),
    CONSTRAINT fk_ledger_request_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON UPDATE CASCADE
);
