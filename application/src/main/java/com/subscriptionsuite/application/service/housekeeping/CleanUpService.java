package com.subscriptionsuite.application.service.housekeeping;

import com.subscriptionsuite.application.port.in.housekeeping.CleanUp;
import com.subscriptionsuite.application.port.out.Housekeeping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The clean-up's steps in an order that lets the last one, the guests, find more to remove: a guest
 * with an expired hold, an old idempotency record or a spent token is skipped until those are gone.
 */
final class CleanUpService implements CleanUp {
    /** A guest's session lasts 12 hours (LogInAsGuest); its user is kept at least that long. */
    static final Duration GUEST_KEPT = Duration.ofHours(12);
    /** IdempotentRequestsService.RETENTION: older records are treated as absent. */
    static final Duration IDEMPOTENCY_KEPT = Duration.ofHours(24);
    /** The login throttle looks back 15 minutes; JdbiLoginAttempts keeps a failing key's day. */
    static final Duration LOGIN_FAILURES_KEPT = Duration.ofDays(1);

    private final Housekeeping housekeeping;
    private final Clock clock;
    private final int batchSize;

    CleanUpService(Housekeeping housekeeping, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be positive, got " + batchSize);
        }
        this.housekeeping = Objects.requireNonNull(housekeeping, "housekeeping");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
    }

    @Override
    public CleanUpReport cleanUp() {
        Instant now = clock.instant();
        int sessions = housekeeping.removeEndedSessions(now, batchSize);
        int holds = housekeeping.removeExpiredVoucherHolds(now, batchSize);
        int records = housekeeping.removeIdempotencyRecords(now.minus(IDEMPOTENCY_KEPT), batchSize);
        int failures = housekeeping.removeLoginFailures(now.minus(LOGIN_FAILURES_KEPT), batchSize);
        int pageTokens = housekeeping.removeSpentPaymentPageTokens(now, batchSize);
        int approvals = housekeeping.removeSpentPayPalApprovals(now, batchSize);
        int guests = housekeeping.removeIdleGuests(now.minus(GUEST_KEPT), now, batchSize);
        return new CleanUpReport(sessions, holds, records, failures, pageTokens, approvals, guests);
    }
}
