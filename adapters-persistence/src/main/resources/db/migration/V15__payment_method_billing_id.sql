-- PayPal through the billing system (issue 13): a PayPal method's id is the PayPal provider's; the
-- billing system (Zuora, or the built-in ledger) registers the approved agreement as a method of its
-- own the first time the method is used, and the engine keeps that id here (PaymentMethod.billingId).
-- Null for every method whose id the billing system gave or accepts as it is. The account's default
-- method, as the billing system names it, is found back through this column.
--
-- Portable SQL like V1 to V11 (PostgreSQL 15+, H2 2.x in MODE=PostgreSQL).

ALTER TABLE payment_method ADD COLUMN billing_id VARCHAR(64);

CREATE INDEX ix_payment_method_billing_id ON payment_method (tenant_id, billing_id);
