package com.subscriptionsuite.application.service.housekeeping;

import com.subscriptionsuite.application.port.in.housekeeping.CleanUp;
import com.subscriptionsuite.application.port.out.Housekeeping;
import java.time.Clock;

/** Builds the housekeeping use cases for {@link com.subscriptionsuite.application.Engine}. */
public final class HousekeepingUseCases {
    /** Rows per step and run unless the builder is told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private HousekeepingUseCases() {
    }

    public static CleanUp cleanUp(Housekeeping housekeeping, Clock clock, int batchSize) {
        return new CleanUpService(housekeeping, clock, batchSize);
    }
}
