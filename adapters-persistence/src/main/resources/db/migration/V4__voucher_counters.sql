-- Deciding on a popular code must not get slower with every redemption: the number of redemptions
-- is kept on the code's row (locked for every decision anyway) instead of being counted each time,
-- and holds are found through indexes that skip consumed ones: open holds of a code (for the count)
-- and one user's holds of a code (for init and consume), so the holds of the last half hour are not
-- walked one by one. The V3 index on (tenant_id, code, expires_at) is superseded.
ALTER TABLE voucher_code ADD COLUMN redemptions BIGINT DEFAULT 0 NOT NULL;

UPDATE voucher_code
   SET redemptions = (SELECT COUNT(*)
                        FROM voucher_redemption r
                       WHERE r.tenant_id = voucher_code.tenant_id AND r.code = voucher_code.code);

DROP INDEX ix_voucher_hold_code;
CREATE INDEX ix_voucher_hold_open ON voucher_hold (tenant_id, code, consumed_at, expires_at);
CREATE INDEX ix_voucher_hold_user ON voucher_hold (tenant_id, code, user_id, consumed_at);
