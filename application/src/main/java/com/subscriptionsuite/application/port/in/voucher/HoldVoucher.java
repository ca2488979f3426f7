package com.subscriptionsuite.application.port.in.voucher;

import io.vavr.control.Either;
import java.time.Instant;

/**
 * Holds a code for the calling user (seed POST /voucher-code/{code}/init): a single-use code is
 * blocked for others, a multi-use code's hold counts against its limit, until the hold expires.
 * Repeating it is idempotent. {@code userId} is the token's user, never a value from the body.
 */
public interface HoldVoucher {
    Either<VoucherFailure, HeldVoucher> hold(VoucherCommand command);

    /** One call about one code by one user, on a page (null when not on a page). */
    record VoucherCommand(long tenantId, String code, Long pageId, long userId) {
    }

    record HeldVoucher(String code, long campaignId, long discountRatePlanId, Instant expiresAt) {
    }
}
