-- Housekeeping (issue 15, docs/housekeeping.md): the scheduled clean-up (port Housekeeping, adapter
-- JdbiHousekeeping) finds a bounded batch of old rows per table on every run. These indexes let it find
-- them without walking the table. No table changes.
--
-- Portable SQL like V1 to V15: runs unchanged on PostgreSQL 15+ and on H2 2.x in MODE=PostgreSQL.

CREATE INDEX ix_user_session_expires ON user_session (expires_at);
CREATE INDEX ix_app_user_kind_created ON app_user (kind, created_at);
CREATE INDEX ix_voucher_hold_expires ON voucher_hold (expires_at);
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
CREATE INDEX ix_login_failure_failed ON login_failure (failed_at);
CREATE INDEX ix_payment_page_token_expires ON payment_page_token (expires_at);
CREATE INDEX ix_paypal_approval_expires ON paypal_approval (expires_at);
