-- The per-customer lock (port CustomerLocks, adapter JdbiCustomerLocks): one row per (tenant, user),
-- created the first time the customer is locked (INSERT ... ON CONFLICT DO NOTHING) and then selected
-- FOR UPDATE, so the lock is held until the unit of work ends. It serialises one customer's
-- checkouts, account, payment-method and subscription changes and bill run, and needs no billing
-- account: a first checkout locks it too. The engine keeps it whatever billing system is behind the
-- Billing port (a remote one has no row lock). The row carries no data.
CREATE TABLE customer_lock (
    tenant_id  BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    CONSTRAINT pk_customer_lock PRIMARY KEY (tenant_id, user_id),
    CONSTRAINT fk_customer_lock_user FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
