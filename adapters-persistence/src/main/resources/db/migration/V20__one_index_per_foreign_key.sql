-- H2 backs every foreign key with an index on exactly the key's columns, and creates one of its own when
-- the table has none at the moment the key is added; every index is written by every insert into its table.
--
-- fk_subscription_account (V6) and fk_user_session_user (V2) are declared in their CREATE TABLE, before
-- ix_subscription_account and ix_user_session_user exist, so on H2 each table kept two identical indexes
-- (written by a checkout's subscription, and by every login's session). Added again now, the keys use the
-- ix_ indexes, and H2 drops its own with the old keys.
--
-- ix_invoice_account (V6) also held invoice_date, which the account's invoice list (ordered by date and
-- number, sorted after reading) does not use; so on H2 fk_invoice_account had an index of its own beside
-- it. Now one index on the key's columns serves both.
--
-- PostgreSQL creates no index for a foreign key: there the keys are only checked again.
ALTER TABLE subscription DROP CONSTRAINT fk_subscription_account;
ALTER TABLE subscription ADD CONSTRAINT fk_subscription_account FOREIGN KEY (tenant_id, account_id)
    REFERENCES billing_account (tenant_id, id) ON UPDATE CASCADE;

ALTER TABLE user_session DROP CONSTRAINT fk_user_session_user;
ALTER TABLE user_session ADD CONSTRAINT fk_user_session_user FOREIGN KEY (tenant_id, user_id)
    REFERENCES app_user (tenant_id, id) ON UPDATE CASCADE;

ALTER TABLE invoice DROP CONSTRAINT fk_invoice_account;
DROP INDEX ix_invoice_account;
CREATE INDEX ix_invoice_account ON invoice (tenant_id, account_id);
ALTER TABLE invoice ADD CONSTRAINT fk_invoice_account FOREIGN KEY (tenant_id, account_id)
    REFERENCES billing_account (tenant_id, id) ON UPDATE CASCADE;
