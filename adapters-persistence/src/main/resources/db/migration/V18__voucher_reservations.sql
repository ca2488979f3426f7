-- A hot voucher code without a lock (issue 15, docs/vouchers.md "Hot codes").
--
-- Until V17 every hold and consume locked the code's row (SELECT ... FOR UPDATE) and counted holds
-- and redemptions; one hot code served about 200 holds + consumes per second. From V18:
--   * A code without a total limit is never locked or updated by a hold or a consume: a hold is one
--     insert, a consume marks the hold consumed and inserts the redemption.
--   * A code with a total limit (single-use codes: 1) keeps in voucher_code.reserved how many of its
--     slots are taken: one per hold that reserved one (voucher_hold.reserves) and has not given it
--     back (released_at); a consumed hold keeps its slot, which is then its redemption's. A hold
--     takes a slot with one conditional update (reserved < limit, 0 rows = full); when the code is
--     full, the holds that expired unconsumed give their slots back (released_at set, reserved lowered
--     in the same transaction) and the update is tried once more.
--   * A code with a per-customer limit keeps each user's redemptions of it in voucher_code_user,
--     raised by a conditional update in the consume's transaction (redeemed < limit).
-- The redemption count V4 kept on the code row is no longer kept (a consume of an unlimited code
-- must not update a row shared by all its users): readers count voucher_redemption.

ALTER TABLE voucher_code ADD COLUMN reserved BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE voucher_hold ADD COLUMN reserves BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE voucher_hold ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;

-- The holds that exist now: those of limited codes not yet consumed reserve a slot (expired ones
-- give it back the first time their code is full).
UPDATE voucher_hold
   SET reserves = TRUE
 WHERE consumed_at IS NULL
   AND EXISTS (SELECT 1
                 FROM voucher_code c
                 JOIN voucher_campaign k ON k.tenant_id = c.tenant_id AND k.id = c.campaign_id
                WHERE c.tenant_id = voucher_hold.tenant_id AND c.code = voucher_hold.code
                  AND (k.kind = 'SINGLE_USE' OR k.total_limit IS NOT NULL));

UPDATE voucher_code
   SET reserved = (SELECT COUNT(*)
                     FROM voucher_redemption r
                    WHERE r.tenant_id = voucher_code.tenant_id AND r.code = voucher_code.code)
                + (SELECT COUNT(*)
                     FROM voucher_hold h
                    WHERE h.tenant_id = voucher_code.tenant_id AND h.code = voucher_code.code
                      AND h.reserves AND h.consumed_at IS NULL AND h.released_at IS NULL);

ALTER TABLE voucher_code DROP COLUMN redemptions;

-- A user's redemptions of a code with a per-customer limit. Rows are made on a user's first consume
-- of such a code (counted from voucher_redemption then) and dropped when the campaign's per-customer
-- limit is defined anew; the user is named by the global id alone, as in voucher_hold (V3).
CREATE TABLE voucher_code_user (
    tenant_id  BIGINT      NOT NULL,
    code       VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL,
    redeemed   BIGINT      NOT NULL,
    CONSTRAINT pk_voucher_code_user PRIMARY KEY (tenant_id, code, user_id),
    CONSTRAINT fk_voucher_code_user_code FOREIGN KEY (tenant_id, code) REFERENCES voucher_code (tenant_id, code)
        ON UPDATE CASCADE
);

-- Unsettled holds of a code (neither consumed nor given back), by expiry: the active ones for the
-- counts, the expired ones for giving slots back. Supersedes V4's ix_voucher_hold_open.
DROP INDEX ix_voucher_hold_open;
CREATE INDEX ix_voucher_hold_unsettled ON voucher_hold (tenant_id, code, consumed_at, released_at, expires_at);
