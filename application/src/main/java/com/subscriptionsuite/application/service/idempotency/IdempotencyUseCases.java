package com.subscriptionsuite.application.service.idempotency;

import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.out.IdempotencyRecords;
import com.subscriptionsuite.application.port.out.Transactions;
import java.time.Clock;

/** Builds the idempotency use case; the service itself stays package-private. */
public final class IdempotencyUseCases {
    private IdempotencyUseCases() {
    }

    public static IdempotentRequests create(IdempotencyRecords records, Transactions transactions, Clock clock) {
        return new IdempotentRequestsService(records, transactions, clock);
    }
}
