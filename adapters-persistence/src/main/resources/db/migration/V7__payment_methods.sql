-- Payment methods (issue 5): the payment options a tenant offers (part of its definition), the
-- customers' stored payment methods with their displayable data, the one-time tokens of the
-- built-in hosted payment page and of the built-in PayPal approval, and the built-in page's signing
-- key when the server is given none (SUITE_PAYMENT_PAGE_KEY).
--
-- Portable SQL like V1 to V5: runs unchanged on PostgreSQL 15+ and on H2 2.x in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH. Independent of V6.
--
-- Conventions (besides V1's and V2's)
--   * No card number, security code, IBAN or bank account number is ever stored: payment_method_data
--     holds displayable values only (masks keep at most the last four characters), and tokens are
--     stored only as their SHA-256 (64 hex), like sessions.
--   * Payment methods and tokens belong to a user; their foreign keys to app_user cascade ON UPDATE
--     (one path: tenant -> app_user -> payment_method -> payment_method_data), so they follow a
--     renumbered tenant. They are not part of the tenant's definition: storing it again keeps them.
--   * Tokens expire by time alone (usable while expires_at > now) and are used once (used_at set by a
--     conditional UPDATE ... WHERE used_at IS NULL, so two concurrent submissions cannot both win).

-- Part of the tenant's definition (PaymentOptions), rewritten by every store like V1's children.
CREATE TABLE tenant_payment_option (
    tenant_id       BIGINT      NOT NULL,
    position        INTEGER     NOT NULL,
    id              BIGINT      NOT NULL,
    payment_type    VARCHAR(40) NOT NULL,
    hosted_page_id  VARCHAR(64),
    CONSTRAINT pk_tenant_payment_option PRIMARY KEY (tenant_id, position),
    CONSTRAINT fk_tenant_payment_option_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- The countries an option is offered in (none: every country), in the definition's order.
CREATE TABLE tenant_payment_option_country (
    tenant_id        BIGINT     NOT NULL,
    option_position  INTEGER    NOT NULL,
    position         INTEGER    NOT NULL,
    country          VARCHAR(2) NOT NULL,
    CONSTRAINT pk_tenant_payment_option_country PRIMARY KEY (tenant_id, option_position, position),
    CONSTRAINT fk_tenant_payment_option_country_option FOREIGN KEY (tenant_id, option_position)
        REFERENCES tenant_payment_option (tenant_id, position)
);

-- A customer's payment method: its type (CreditCard, SEPA, ACH, BankTransfer, PayPal) and status
-- (PENDING until a PayPal agreement is approved, else ACTIVE). The id is unique per tenant.
CREATE TABLE payment_method (
    tenant_id     BIGINT                   NOT NULL,
    id            VARCHAR(64)              NOT NULL,
    user_id       BIGINT                   NOT NULL,
    payment_type  VARCHAR(40)              NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_payment_method PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_payment_method_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
        ON UPDATE CASCADE,
    CONSTRAINT ck_payment_method_status CHECK (status IN ('PENDING', 'ACTIVE'))
);

CREATE INDEX ix_payment_method_user ON payment_method (tenant_id, user_id);

-- The displayable data of a payment method (credit_card_mask_number, bank_transfer_account_name,
-- paypal_baid ...), in its order; replaced whole on every save.
CREATE TABLE payment_method_data (
    tenant_id          BIGINT        NOT NULL,
    payment_method_id  VARCHAR(64)   NOT NULL,
    position           INTEGER       NOT NULL,
    data_key           VARCHAR(100)  NOT NULL,
    data_value         VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_payment_method_data PRIMARY KEY (tenant_id, payment_method_id, data_key),
    CONSTRAINT fk_payment_method_data_method FOREIGN KEY (tenant_id, payment_method_id)
        REFERENCES payment_method (tenant_id, id) ON UPDATE CASCADE
);

-- One load of the built-in hosted payment page: what the token was signed for. The signature is not
-- stored; it is recomputed from this row, the presented token and the key.
CREATE TABLE payment_page_token (
    token_hash    VARCHAR(64)              NOT NULL,
    tenant_id     BIGINT                   NOT NULL,
    user_id       BIGINT                   NOT NULL,
    option_id     BIGINT                   NOT NULL,
    payment_type  VARCHAR(40)              NOT NULL,
    page_id       VARCHAR(64)              NOT NULL,
    locale        VARCHAR(35)              NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_payment_page_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_payment_page_token_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
        ON UPDATE CASCADE
);

-- One PayPal approval of the built-in provider: the pending payment method it activates, and, once
-- approved, the billing agreement id it gave and the payer's e-mail.
CREATE TABLE paypal_approval (
    token_hash            VARCHAR(64)              NOT NULL,
    tenant_id             BIGINT                   NOT NULL,
    user_id               BIGINT                   NOT NULL,
    payment_method_id     VARCHAR(64)              NOT NULL,
    issued_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_at           TIMESTAMP WITH TIME ZONE,
    billing_agreement_id  VARCHAR(40),
    payer_email           VARCHAR(254),
    CONSTRAINT pk_paypal_approval PRIMARY KEY (token_hash),
    CONSTRAINT fk_paypal_approval_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
        ON UPDATE CASCADE
);

-- The built-in page's HMAC key, generated on first start when SUITE_PAYMENT_PAGE_KEY is not set, so
-- that every server instance on this database signs and verifies with the same key. One row.
CREATE TABLE payment_page_key (
    id          VARCHAR(20)              NOT NULL,
    secret      VARCHAR(200)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_payment_page_key PRIMARY KEY (id)
);
