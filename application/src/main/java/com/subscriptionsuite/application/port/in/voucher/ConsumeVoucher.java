package com.subscriptionsuite.application.port.in.voucher;

import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import io.vavr.control.Either;

/**
 * Turns the caller's hold into a redemption, exactly once (seed POST /voucher-code/{code}/consume).
 * The subscription checkout consumes a held code in its own unit of work through the same rules.
 */
public interface ConsumeVoucher {
    Either<VoucherFailure, RedeemedVoucher> consume(VoucherCommand command);

    record RedeemedVoucher(String code, long campaignId, long discountRatePlanId) {
    }
}
