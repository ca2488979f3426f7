-- Tenant definitions: a tenant's settings, its catalog and its translations.
--
-- Portable SQL: runs unchanged on PostgreSQL 15+ and on H2 2.x in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH.
--
-- Conventions
--   * Every table carries tenant_id. Ids given in a tenant's file are unique per tenant only, so
--     entities are keyed (tenant_id, id); the same product id may exist in two tenants.
--   * Tenant ids are globally unique; the tenant key is unique too and is the tenant's identity
--     (see JdbiTenants.store).
--   * "position" keeps the order of a child list (0-based, in the order the definition lists them).
--   * Enums are stored by their wire names, currencies by ISO 4217 code, dates as DATE.
--   * Decimal amounts and quantities are NUMERIC(24,8); the adapter refuses values that would not
--     fit exactly instead of letting the database round them.
--   * Texts the domain defaults to "" are NOT NULL; the domain's optional values are nullable.

CREATE TABLE tenant (
    id                            BIGINT       NOT NULL,
    tenant_key                    VARCHAR(200) NOT NULL,
    name                          VARCHAR      NOT NULL,
    version                       BIGINT       NOT NULL,
    seller_country                VARCHAR(20)  NOT NULL,
    seller_vat_id                 VARCHAR(50),
    seller_oss_threshold_applies  BOOLEAN      NOT NULL,
    CONSTRAINT pk_tenant PRIMARY KEY (id),
    CONSTRAINT uq_tenant_key UNIQUE (tenant_key),
    CONSTRAINT ck_tenant_version CHECK (version > 0)
);

CREATE TABLE tenant_host (
    tenant_id  BIGINT  NOT NULL,
    position   INTEGER NOT NULL,
    host       VARCHAR NOT NULL,
    CONSTRAINT pk_tenant_host PRIMARY KEY (tenant_id, position),
    CONSTRAINT fk_tenant_host_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE tenant_language (
    tenant_id   BIGINT      NOT NULL,
    id          BIGINT      NOT NULL,
    position    INTEGER     NOT NULL,
    code        VARCHAR(20) NOT NULL,
    active      BOOLEAN     NOT NULL,
    is_default  BOOLEAN     NOT NULL,
    CONSTRAINT pk_tenant_language PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_tenant_language_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE tenant_currency (
    tenant_id            BIGINT      NOT NULL,
    id                   BIGINT      NOT NULL,
    position             INTEGER     NOT NULL,
    currency             VARCHAR(3)  NOT NULL,
    active               BOOLEAN     NOT NULL,
    is_default           BOOLEAN     NOT NULL,
    decimal_separator    VARCHAR(10) NOT NULL,
    thousands_separator  VARCHAR(10) NOT NULL,
    CONSTRAINT pk_tenant_currency PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_tenant_currency_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE cart_settings (
    tenant_id             BIGINT  NOT NULL,
    id                    BIGINT  NOT NULL,
    show_product_name     BOOLEAN NOT NULL,
    show_rate_plan_name   BOOLEAN NOT NULL,
    show_feature_list     BOOLEAN NOT NULL,
    show_description      BOOLEAN NOT NULL,
    show_charges          BOOLEAN NOT NULL,
    use_single_quantity   BOOLEAN NOT NULL,
    CONSTRAINT pk_cart_settings PRIMARY KEY (tenant_id),
    CONSTRAINT fk_cart_settings_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE checkout_settings (
    tenant_id           BIGINT  NOT NULL,
    id                  BIGINT  NOT NULL,
    has_guest_checkout  BOOLEAN NOT NULL,
    show_charges        BOOLEAN NOT NULL,
    show_tax            BOOLEAN NOT NULL,
    show_brutto         BOOLEAN NOT NULL,
    show_product_name   BOOLEAN NOT NULL,
    has_auto_invoice    BOOLEAN NOT NULL,
    has_auto_payment    BOOLEAN NOT NULL,
    CONSTRAINT pk_checkout_settings PRIMARY KEY (tenant_id),
    CONSTRAINT fk_checkout_settings_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE customer_center_settings (
    tenant_id                             BIGINT  NOT NULL,
    id                                    BIGINT  NOT NULL,
    can_cancel_subscriptions              BOOLEAN NOT NULL,
    can_suspend                           BOOLEAN NOT NULL,
    can_cancel_subscriptions_at_any_time  BOOLEAN NOT NULL,
    CONSTRAINT pk_customer_center_settings PRIMARY KEY (tenant_id),
    CONSTRAINT fk_customer_center_settings_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One row per (kind, language) so that a language with no texts survives a round trip.
CREATE TABLE translation_language (
    tenant_id  BIGINT      NOT NULL,
    kind       VARCHAR(10) NOT NULL,
    language   VARCHAR(20) NOT NULL,
    position   INTEGER     NOT NULL,
    CONSTRAINT pk_translation_language PRIMARY KEY (tenant_id, kind, language),
    CONSTRAINT fk_translation_language_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT ck_translation_language_kind CHECK (kind IN ('static', 'dynamic'))
);

CREATE TABLE translation (
    tenant_id   BIGINT      NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    language    VARCHAR(20) NOT NULL,
    text_key    VARCHAR     NOT NULL,
    position    INTEGER     NOT NULL,
    translated  VARCHAR,
    CONSTRAINT pk_translation PRIMARY KEY (tenant_id, kind, language, text_key),
    CONSTRAINT fk_translation_language FOREIGN KEY (tenant_id, kind, language)
        REFERENCES translation_language (tenant_id, kind, language)
);

CREATE TABLE product (
    tenant_id             BIGINT  NOT NULL,
    id                    BIGINT  NOT NULL,
    position              INTEGER NOT NULL,
    zuora_id              VARCHAR(100),
    name                  VARCHAR NOT NULL,
    description           VARCHAR NOT NULL,
    feature_list          VARCHAR NOT NULL,
    highlight             VARCHAR NOT NULL,
    sku                   VARCHAR NOT NULL,
    effective_start_date  DATE,
    effective_end_date    DATE,
    updated_date          DATE,
    CONSTRAINT pk_product PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_product_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE rate_plan (
    tenant_id             BIGINT  NOT NULL,
    id                    BIGINT  NOT NULL,
    position              INTEGER NOT NULL,
    zuora_id              VARCHAR(100),
    product_id            BIGINT  NOT NULL,
    name                  VARCHAR NOT NULL,
    description           VARCHAR NOT NULL,
    effective_start_date  DATE,
    effective_end_date    DATE,
    CONSTRAINT pk_rate_plan PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_rate_plan_product FOREIGN KEY (tenant_id, product_id) REFERENCES product (tenant_id, id)
);

CREATE TABLE charge (
    tenant_id                BIGINT        NOT NULL,
    id                       BIGINT        NOT NULL,
    rate_plan_id             BIGINT        NOT NULL,
    position                 INTEGER       NOT NULL,
    zuora_id                 VARCHAR(100),
    name                     VARCHAR       NOT NULL,
    description              VARCHAR       NOT NULL,
    charge_type              VARCHAR(40)   NOT NULL,
    charge_model             VARCHAR(40)   NOT NULL,
    billing_period           VARCHAR(40),
    specific_billing_period  INTEGER,
    billing_timing           VARCHAR(40),
    default_quantity         NUMERIC(24,8),
    min_quantity             NUMERIC(24,8),
    max_quantity             NUMERIC(24,8),
    uom                      VARCHAR(100),
    tax_mode                 VARCHAR(40)   NOT NULL,
    taxable                  BOOLEAN       NOT NULL,
    included_units           NUMERIC(24,8) NOT NULL,
    CONSTRAINT pk_charge PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_charge_rate_plan FOREIGN KEY (tenant_id, rate_plan_id) REFERENCES rate_plan (tenant_id, id)
);

CREATE TABLE charge_discount_applies_to (
    tenant_id    BIGINT      NOT NULL,
    charge_id    BIGINT      NOT NULL,
    charge_type  VARCHAR(40) NOT NULL,
    CONSTRAINT pk_charge_discount_applies_to PRIMARY KEY (tenant_id, charge_id, charge_type),
    CONSTRAINT fk_charge_discount_applies_to_charge FOREIGN KEY (tenant_id, charge_id) REFERENCES charge (tenant_id, id)
);

CREATE TABLE charge_tier (
    tenant_id      BIGINT        NOT NULL,
    charge_id      BIGINT        NOT NULL,
    position       INTEGER       NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    starting_unit  NUMERIC(24,8) NOT NULL,
    ending_unit    NUMERIC(24,8),
    price          NUMERIC(24,8) NOT NULL,
    price_format   VARCHAR(40)   NOT NULL,
    overage_price  BOOLEAN       NOT NULL,
    CONSTRAINT pk_charge_tier PRIMARY KEY (tenant_id, charge_id, position),
    CONSTRAINT fk_charge_tier_charge FOREIGN KEY (tenant_id, charge_id) REFERENCES charge (tenant_id, id)
);

CREATE TABLE suite_product (
    tenant_id                                 BIGINT      NOT NULL,
    id                                        BIGINT      NOT NULL,
    position                                  INTEGER     NOT NULL,
    rate_plan_id                              BIGINT      NOT NULL,
    name                                      VARCHAR     NOT NULL,
    description                               VARCHAR     NOT NULL,
    feature_list                              VARCHAR     NOT NULL,
    highlight                                 VARCHAR     NOT NULL,
    effective_start_date                      DATE,
    effective_end_date                        DATE,
    different_quantities_allowed              BOOLEAN     NOT NULL,
    different_quantities_allowed_for_charge   BOOLEAN     NOT NULL,
    purchasable_by_customer                   BOOLEAN     NOT NULL,
    purchasable_by_partner                    BOOLEAN     NOT NULL,
    purchasable_by_sales                      BOOLEAN     NOT NULL,
    multiple_subscriptions_allowed            BOOLEAN     NOT NULL,
    subscription_type                         VARCHAR(40) NOT NULL,
    renewal_type                              VARCHAR(40) NOT NULL,
    term                                      INTEGER     NOT NULL,
    renewal_term                              INTEGER     NOT NULL,
    auto_renew                                BOOLEAN     NOT NULL,
    new_subscribe_mode                        INTEGER     NOT NULL,
    add_on_mode                               INTEGER     NOT NULL,
    has_contact_us_link                       BOOLEAN     NOT NULL,
    trusted_html                              VARCHAR     NOT NULL,
    quantity_level                            INTEGER     NOT NULL,
    price_level                               INTEGER     NOT NULL,
    generated_id                              VARCHAR     NOT NULL,
    cancel_behaviour                          INTEGER     NOT NULL,
    cancel_mode                               INTEGER     NOT NULL,
    cancel_period_days                        INTEGER     NOT NULL,
    quantity_upgrade_behaviour                INTEGER     NOT NULL,
    quantity_upgrade_mode                     INTEGER     NOT NULL,
    quantity_downgrade_behaviour              INTEGER     NOT NULL,
    quantity_downgrade_mode                   INTEGER     NOT NULL,
    upgrade_behaviour                         INTEGER     NOT NULL,
    upgrade_mode                              INTEGER     NOT NULL,
    downgrade_behaviour                       INTEGER     NOT NULL,
    downgrade_mode                            INTEGER     NOT NULL,
    CONSTRAINT pk_suite_product PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_suite_product_rate_plan FOREIGN KEY (tenant_id, rate_plan_id) REFERENCES rate_plan (tenant_id, id)
);

CREATE TABLE suite_product_category (
    tenant_id         BIGINT  NOT NULL,
    suite_product_id  BIGINT  NOT NULL,
    position          INTEGER NOT NULL,
    category          VARCHAR NOT NULL,
    CONSTRAINT pk_suite_product_category PRIMARY KEY (tenant_id, suite_product_id, position),
    CONSTRAINT fk_suite_product_category_suite_product FOREIGN KEY (tenant_id, suite_product_id)
        REFERENCES suite_product (tenant_id, id)
);

CREATE TABLE suite_product_add_on (
    tenant_id         BIGINT  NOT NULL,
    suite_product_id  BIGINT  NOT NULL,
    position          INTEGER NOT NULL,
    add_on_id         BIGINT  NOT NULL,
    CONSTRAINT pk_suite_product_add_on PRIMARY KEY (tenant_id, suite_product_id, position),
    CONSTRAINT fk_suite_product_add_on_suite_product FOREIGN KEY (tenant_id, suite_product_id)
        REFERENCES suite_product (tenant_id, id),
    CONSTRAINT fk_suite_product_add_on_add_on FOREIGN KEY (tenant_id, add_on_id)
        REFERENCES suite_product (tenant_id, id)
);

CREATE TABLE change_option (
    tenant_id                BIGINT      NOT NULL,
    id                       BIGINT      NOT NULL,
    suite_product_id         BIGINT      NOT NULL,
    position                 INTEGER     NOT NULL,
    target_suite_product_id  BIGINT      NOT NULL,
    kind                     VARCHAR(40) NOT NULL,
    CONSTRAINT pk_change_option PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_change_option_suite_product FOREIGN KEY (tenant_id, suite_product_id)
        REFERENCES suite_product (tenant_id, id),
    CONSTRAINT fk_change_option_target FOREIGN KEY (tenant_id, target_suite_product_id)
        REFERENCES suite_product (tenant_id, id)
);

CREATE TABLE shop_page (
    tenant_id      BIGINT  NOT NULL,
    id             BIGINT  NOT NULL,
    position       INTEGER NOT NULL,
    name           VARCHAR NOT NULL,
    description    VARCHAR NOT NULL,
    active         BOOLEAN NOT NULL,
    cart           BOOLEAN NOT NULL,
    show_cart      BOOLEAN NOT NULL,
    allow_voucher  BOOLEAN NOT NULL,
    CONSTRAINT pk_shop_page PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_shop_page_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE TABLE page_step (
    tenant_id            BIGINT  NOT NULL,
    id                   BIGINT  NOT NULL,
    page_id              BIGINT  NOT NULL,
    position             INTEGER NOT NULL,
    step_number          INTEGER NOT NULL,
    name                 VARCHAR NOT NULL,
    description          VARCHAR NOT NULL,
    optional             BOOLEAN NOT NULL,
    unique_selection     BOOLEAN NOT NULL,
    show_charges         BOOLEAN NOT NULL,
    show_description     BOOLEAN NOT NULL,
    show_feature_list    BOOLEAN NOT NULL,
    show_periods         BOOLEAN NOT NULL,
    show_product_name    BOOLEAN NOT NULL,
    show_rate_plan_name  BOOLEAN NOT NULL,
    CONSTRAINT pk_page_step PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_page_step_page FOREIGN KEY (tenant_id, page_id) REFERENCES shop_page (tenant_id, id)
);

CREATE TABLE page_step_suite_product (
    tenant_id         BIGINT  NOT NULL,
    step_id           BIGINT  NOT NULL,
    position          INTEGER NOT NULL,
    suite_product_id  BIGINT  NOT NULL,
    CONSTRAINT pk_page_step_suite_product PRIMARY KEY (tenant_id, step_id, position),
    CONSTRAINT fk_page_step_suite_product_step FOREIGN KEY (tenant_id, step_id) REFERENCES page_step (tenant_id, id),
    CONSTRAINT fk_page_step_suite_product_suite_product FOREIGN KEY (tenant_id, suite_product_id)
        REFERENCES suite_product (tenant_id, id)
);
