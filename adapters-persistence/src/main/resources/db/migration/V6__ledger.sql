-- The built-in billing ledger (JdbiBilling): billing accounts, subscriptions with their charge
-- segments, invoices with their lines and party snapshots, amendments and number sequences; and the
-- Idempotency-Key records (JdbiIdempotencyRecords, domain-rules §7). See docs/ledger.md.
--
-- Portable SQL like V1 to V5: runs unchanged on PostgreSQL 15+ and on H2 2.x in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH.
--
-- Conventions (besides V1's and V2's)
--   * Ids are the billing system's ids (Billing.newId: 32 hex characters), unique per tenant; every
--     key starts with tenant_id and every read is scoped by it.
--   * Money is NUMERIC(24,8) next to its ISO 4217 currency code and is read back at the currency's
--     scale (JPY 0, EUR 2, KWD 3). A rate or unit price that is not money (tax rates, usage unit
--     prices) is NUMERIC without precision plus its scale in *_scale: H2 stores an unconstrained
--     NUMERIC as DECFLOAT and forgets trailing zeros, so the scale is kept to read back exactly
--     the BigDecimal that was stored (0.190 stays 0.190).
--   * Child rows keep their list order in "position" (0-based).
--   * Foreign keys carrying tenant_id cascade ON UPDATE along one path from the tenant, so the
--     ledger follows a renumbered tenant (JdbiTenants.store): tenant -> billing_account ->
--     subscription -> subscription_charge / amendment, billing_account -> invoice -> invoice_line /
--     invoice_address_line. The account names its user by the global user id alone (as V3's holds).
--     amendment.invoice_id has no foreign key: a second cascading path to one row breaks H2's
--     renumbering (see V3).
--   * Column names avoid words H2 or PostgreSQL reserve (number, value, key, type, action).

CREATE TABLE billing_account (
    tenant_id                BIGINT                   NOT NULL,
    id                       VARCHAR(64)              NOT NULL,
    user_id                  BIGINT                   NOT NULL,
    account_number           VARCHAR(50)              NOT NULL,
    currency                 VARCHAR(3)               NOT NULL,
    company                  BOOLEAN                  NOT NULL,
    company_name             VARCHAR,
    first_name               VARCHAR,
    last_name                VARCHAR,
    street                   VARCHAR,
    zip_code                 VARCHAR,
    city                     VARCHAR,
    state                    VARCHAR,
    country                  VARCHAR,
    email                    VARCHAR,
    phone                    VARCHAR,
    additional_info          VARCHAR,
    has_billing_address      BOOLEAN                  NOT NULL,
    billing_first_name       VARCHAR,
    billing_last_name        VARCHAR,
    billing_street           VARCHAR,
    billing_additional_info  VARCHAR,
    billing_zip_code         VARCHAR,
    billing_city             VARCHAR,
    billing_country          VARCHAR,
    billing_email            VARCHAR,
    billing_phone            VARCHAR,
    vat_id                   VARCHAR,
    details_currency         VARCHAR,
    payment_method_id        VARCHAR(64),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_billing_account PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_billing_account_user UNIQUE (tenant_id, user_id),
    CONSTRAINT uq_billing_account_number UNIQUE (tenant_id, account_number),
    CONSTRAINT fk_billing_account_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON UPDATE CASCADE,
    CONSTRAINT fk_billing_account_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- One subscribed suite product. version counts the amendments (from 1); JdbiBilling.saveSubscription
-- replaces a row only with a conditional UPDATE on the stored version.
CREATE TABLE subscription (
    tenant_id             BIGINT                   NOT NULL,
    id                    VARCHAR(64)              NOT NULL,
    account_id            VARCHAR(64)              NOT NULL,
    subscription_number   VARCHAR(50)              NOT NULL,
    uuid                  VARCHAR(64)              NOT NULL,
    start_date            DATE                     NOT NULL,
    billing_anchor        DATE                     NOT NULL,
    term_start            DATE                     NOT NULL,
    initial_term_months   INTEGER                  NOT NULL,
    renewal_term_months   INTEGER                  NOT NULL,
    auto_renew            BOOLEAN                  NOT NULL,
    charged_through_date  DATE                     NOT NULL,
    cancel_date           DATE,
    version               INTEGER                  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_subscription PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_subscription_uuid UNIQUE (tenant_id, uuid),
    CONSTRAINT uq_subscription_number UNIQUE (tenant_id, subscription_number),
    CONSTRAINT fk_subscription_account FOREIGN KEY (tenant_id, account_id)
        REFERENCES billing_account (tenant_id, id) ON UPDATE CASCADE,
    CONSTRAINT ck_subscription_version CHECK (version >= 1)
);

CREATE INDEX ix_subscription_account ON subscription (tenant_id, account_id);
CREATE INDEX ix_subscription_due ON subscription (tenant_id, charged_through_date);

-- Every segment of every charge of a subscription, rewritten whole by every save. period_price and
-- list_price share the segment's currency. unit_price is unrounded (usage charges).
CREATE TABLE subscription_charge (
    tenant_id                BIGINT         NOT NULL,
    subscription_id          VARCHAR(64)    NOT NULL,
    position                 INTEGER        NOT NULL,
    id                       VARCHAR(64)    NOT NULL,
    original_id              VARCHAR(64)    NOT NULL,
    charge_number            VARCHAR(50)    NOT NULL,
    segment                  INTEGER        NOT NULL,
    suite_product_id         BIGINT         NOT NULL,
    rate_plan_id             BIGINT         NOT NULL,
    charge_id                BIGINT         NOT NULL,
    name                     VARCHAR,
    charge_type              VARCHAR(20)    NOT NULL,
    charge_model             VARCHAR(50)    NOT NULL,
    billing_period           VARCHAR(30),
    specific_billing_period  INTEGER,
    tax_mode                 VARCHAR(20)    NOT NULL,
    taxable                  BOOLEAN        NOT NULL,
    is_discount              BOOLEAN        NOT NULL,
    quantity                 BIGINT         NOT NULL,
    currency                 VARCHAR(3)     NOT NULL,
    period_price             NUMERIC(24, 8) NOT NULL,
    list_price               NUMERIC(24, 8) NOT NULL,
    unit_price               NUMERIC,
    unit_price_scale         INTEGER,
    effective_start          DATE           NOT NULL,
    effective_end            DATE,
    CONSTRAINT pk_subscription_charge PRIMARY KEY (tenant_id, subscription_id, position),
    CONSTRAINT fk_subscription_charge_subscription FOREIGN KEY (tenant_id, subscription_id)
        REFERENCES subscription (tenant_id, id) ON UPDATE CASCADE,
    CONSTRAINT ck_subscription_charge_segment CHECK (segment >= 1),
    CONSTRAINT ck_subscription_charge_unit_price CHECK ((unit_price IS NULL) = (unit_price_scale IS NULL))
);

-- A posted invoice (or credit note), with the seller and bill-to parties as printed. Its totals are
-- the sums of its lines.
CREATE TABLE invoice (
    tenant_id        BIGINT                   NOT NULL,
    id               VARCHAR(64)              NOT NULL,
    account_id       VARCHAR(64)              NOT NULL,
    invoice_number   VARCHAR(50)              NOT NULL,
    invoice_date     DATE                     NOT NULL,
    due_date         DATE                     NOT NULL,
    currency         VARCHAR(3)               NOT NULL,
    seller_name      VARCHAR                  NOT NULL,
    seller_country   VARCHAR(20)              NOT NULL,
    seller_vat_id    VARCHAR(50),
    bill_to_name     VARCHAR                  NOT NULL,
    bill_to_country  VARCHAR(20)              NOT NULL,
    bill_to_vat_id   VARCHAR(50),
    tax_rate         NUMERIC                  NOT NULL,
    tax_rate_scale   INTEGER                  NOT NULL,
    tax_note         VARCHAR                  NOT NULL,
    paid             NUMERIC(24, 8)           NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_invoice_number UNIQUE (tenant_id, invoice_number),
    CONSTRAINT fk_invoice_account FOREIGN KEY (tenant_id, account_id)
        REFERENCES billing_account (tenant_id, id) ON UPDATE CASCADE
);

CREATE INDEX ix_invoice_account ON invoice (tenant_id, account_id, invoice_date);

-- The invoice's lines in order; netto, tax and brutto in the invoice's currency (negative: credit).
CREATE TABLE invoice_line (
    tenant_id            BIGINT         NOT NULL,
    invoice_id           VARCHAR(64)    NOT NULL,
    position             INTEGER        NOT NULL,
    subscription_number  VARCHAR(50)    NOT NULL,
    charge_id            BIGINT         NOT NULL,
    description          VARCHAR        NOT NULL,
    service_start        DATE           NOT NULL,
    service_end          DATE           NOT NULL,
    netto                NUMERIC(24, 8) NOT NULL,
    tax                  NUMERIC(24, 8) NOT NULL,
    brutto               NUMERIC(24, 8) NOT NULL,
    CONSTRAINT pk_invoice_line PRIMARY KEY (tenant_id, invoice_id, position),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES invoice (tenant_id, id) ON UPDATE CASCADE
);

-- The address lines of the invoice's parties, in order: party is 'seller' or 'bill_to'.
CREATE TABLE invoice_address_line (
    tenant_id   BIGINT      NOT NULL,
    invoice_id  VARCHAR(64) NOT NULL,
    party       VARCHAR(10) NOT NULL,
    position    INTEGER     NOT NULL,
    line        VARCHAR     NOT NULL,
    CONSTRAINT pk_invoice_address_line PRIMARY KEY (tenant_id, invoice_id, party, position),
    CONSTRAINT fk_invoice_address_line_invoice FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES invoice (tenant_id, id) ON UPDATE CASCADE,
    CONSTRAINT ck_invoice_address_line_party CHECK (party IN ('seller', 'bill_to'))
);

-- A booked change of a subscription; change_action is the ChangeAction name.
CREATE TABLE amendment (
    tenant_id        BIGINT                   NOT NULL,
    id               VARCHAR(64)              NOT NULL,
    subscription_id  VARCHAR(64)              NOT NULL,
    change_action    VARCHAR(30)              NOT NULL,
    request_date     DATE                     NOT NULL,
    effective_date   DATE                     NOT NULL,
    version          INTEGER                  NOT NULL,
    description      VARCHAR                  NOT NULL,
    invoice_id       VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_amendment PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_amendment_subscription FOREIGN KEY (tenant_id, subscription_id)
        REFERENCES subscription (tenant_id, id) ON UPDATE CASCADE
);

CREATE INDEX ix_amendment_subscription ON amendment (tenant_id, subscription_id, created_at);

-- The last number handed out per tenant and kind (Billing.NumberKind name). JdbiBilling.nextNumber
-- increments the row in a short transaction of its own, so the row lock is held for that statement
-- only and never by a running unit of work; a number taken by a unit that rolls back is skipped.
CREATE TABLE number_sequence (
    tenant_id    BIGINT      NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    last_number  BIGINT      NOT NULL,
    CONSTRAINT pk_number_sequence PRIMARY KEY (tenant_id, kind),
    CONSTRAINT fk_number_sequence_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON UPDATE CASCADE,
    CONSTRAINT ck_number_sequence_last CHECK (last_number >= 0)
);

-- Idempotency-Key records per tenant, user and key: the request's fingerprint, and once it
-- completed, the response (status and body; status is NULL while in flight). Records created
-- before the retention window are replaced by the next claim of their key, and every claim purges
-- the user's expired ones. No foreign key to the user: the key is checked before anything else of
-- the request. idem_key holds the 255 characters domain-rules §7 allows.
CREATE TABLE idempotency_record (
    tenant_id    BIGINT                   NOT NULL,
    user_id      BIGINT                   NOT NULL,
    idem_key     VARCHAR(255)             NOT NULL,
    fingerprint  VARCHAR                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       INTEGER,
    body         VARCHAR,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (tenant_id, user_id, idem_key),
    CONSTRAINT fk_idempotency_record_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON UPDATE CASCADE
);
