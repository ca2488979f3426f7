package com.subscriptionsuite.application.port.out;

import java.time.Instant;

/**
 * Removes rows nobody needs any more (docs/housekeeping.md), each step at most {@code limit} rows per
 * call and answering how many it removed. Every removal is a conditional delete by key that re-checks
 * the row is still old, so several server instances may run the same step at once: a row is removed by
 * one of them, the others remove nothing, and a row that became fresh meanwhile (an idempotency key
 * claimed again) stays. Each call commits on its own, outside a unit of work.
 */
public interface Housekeeping {
    /**
     * Sessions that expired at or before {@code now}, and revoked ones: a token of either is refused
     * like an unknown one (IdentityFailure), so the row proves nothing any more.
     */
    int removeEndedSessions(Instant now, int limit);

    /**
     * Guest users created before {@code createdBefore} without a live session at {@code now} and with
     * nothing that references them: no account link, billing account, billing operation, payment method,
     * payment-page token, PayPal approval, voucher hold or redemption, invoice discrepancy, claimed quote
     * or idempotency record (a guest with any of these is skipped, and may go in a later run once its
     * tokens, holds or records were removed). Their ended sessions and their customer lock row go with
     * them, in one unit per guest.
     */
    int removeIdleGuests(Instant createdBefore, Instant now, int limit);

    /** Voucher holds never consumed that expired at or before {@code now} (they no longer count). */
    int removeExpiredVoucherHolds(Instant now, int limit);

    /** Idempotency records created before {@code createdBefore} (past their retention, treated as absent). */
    int removeIdempotencyRecords(Instant createdBefore, int limit);

    /** Login failures before {@code failedBefore} (the throttle looks back far less). */
    int removeLoginFailures(Instant failedBefore, int limit);

    /** Payment-page tokens used, or expired at or before {@code now} (neither loads the page again). */
    int removeSpentPaymentPageTokens(Instant now, int limit);

    /** PayPal approvals approved, or expired at or before {@code now} (neither completes again). */
    int removeSpentPayPalApprovals(Instant now, int limit);
}
