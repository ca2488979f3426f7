package com.subscriptionsuite.adapters.http.voucher;

import com.subscriptionsuite.application.port.in.voucher.ConsumeVoucher.RedeemedVoucher;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.HeldVoucher;

/**
 * The seed's answer to the voucher operations, {@code {discount_rate_plan_id, campaign_id,
 * success}}, with two extensions: {@code code} (the code as stored, upper case) and, for init,
 * {@code expires_at} (until when the hold lasts, an ISO-8601 instant in UTC).
 */
final class VoucherResponses {
    private VoucherResponses() {
    }

    /** POST /voucher-code/{code}/init. */
    record Held(long discountRatePlanId, long campaignId, boolean success, String code, String expiresAt) {
        static Held from(HeldVoucher held) {
            return new Held(held.discountRatePlanId(), held.campaignId(), true, held.code(),
                    held.expiresAt().toString());
        }
    }

    /** POST /voucher-code/{code}/consume. */
    record Consumed(long discountRatePlanId, long campaignId, boolean success, String code) {
        static Consumed from(RedeemedVoucher redeemed) {
            return new Consumed(redeemed.discountRatePlanId(), redeemed.campaignId(), true, redeemed.code());
        }
    }
}
