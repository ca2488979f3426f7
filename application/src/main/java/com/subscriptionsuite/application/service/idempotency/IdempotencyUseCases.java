package com.subscriptionsuite.application.service.idempotency;

import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import com.subscriptionsuite.application.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;

/** Builds the idempotency use case; the service itself stays package-private. */
public final class IdempotencyUseCases {
    /** The lease of a claimed key when the host sets none: 60 s, the longest a request is expected to run. */
    public static final Duration DEFAULT_LEASE = IdempotentRequestsService.DEFAULT_LEASE;

    private IdempotencyUseCases() {
    }

    /**
     * @param lease how long a claimed key stays in flight for a request that has not answered; after
     *              it, a retry with the same key and body takes the key over and runs the request
     */
    public static IdempotentRequests create(IdempotencyRecords records, Transactions transactions, Clock clock,
            Duration lease) {
        return new IdempotentRequestsService(records, transactions, clock, lease);
    }
}
