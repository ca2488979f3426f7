-- A limited code's slots counted again (issue 15). Until now one user's two holds of a limited code made at
-- the same moment (two requests, or two instances) could each take a slot, and the consume settled both with
-- one redemption: one slot of the code was lost for good, and the code ended with fewer redemptions than its
-- limit. JdbiVouchers.hold now gives the second slot back under the code's row lock; this recount gives back
-- the slots already lost: a code's taken slots are its redemptions and its holds that reserve one and are
-- neither consumed nor given back (the count V18 started from).

UPDATE voucher_code
   SET reserved = (SELECT COUNT(*)
                     FROM voucher_redemption r
                    WHERE r.tenant_id = voucher_code.tenant_id AND r.code = voucher_code.code)
                + (SELECT COUNT(*)
                     FROM voucher_hold h
                    WHERE h.tenant_id = voucher_code.tenant_id AND h.code = voucher_code.code
                      AND h.reserves AND h.consumed_at IS NULL AND h.released_at IS NULL);
