-- Deciding on a popular code must not get slower with every redemption: the number of redemptions
-- is kept on the code's row (locked for every decision anyway) instead of being counted each time,
-- and open holds are found through an index that starts with consumed_at, so consumed holds of the
-- last half hour are not scanned.
ALTER TABLE voucher_code ADD COLUMN redemptions BIGINT DEFAULT 0 NOT NULL;

UPDATE voucher_code
   SET redemptions = (SELECT COUNT(*)
                        FROM voucher_redemption r
                       WHERE r.tenant_id = voucher_code.tenant_id AND r.code = voucher_code.code);

CREATE INDEX ix_voucher_hold_open ON voucher_hold (tenant_id, code, consumed_at, expires_at);
