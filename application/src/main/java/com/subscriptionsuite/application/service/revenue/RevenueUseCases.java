package com.subscriptionsuite.application.service.revenue;

import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches;
import com.subscriptionsuite.application.port.in.revenue.PostRevenue;
import com.subscriptionsuite.application.port.in.revenue.RecordRevenueLines;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Builds the revenue feed's use cases; the services stay package-private. */
public final class RevenueUseCases {
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** Zuora Revenue takes up to about 20k lines per CSV upload. */
    public static final int MAX_BATCH_SIZE = 20_000;
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(30);

    private RevenueUseCases() {
    }

    /**
     * How the job works: lines per batch (1 to 20,000), how long a claim on a batch lasts (longer than
     * the slowest upload), how long to wait between two status checks of a loading upload.
     */
    public record Settings(int batchSize, Duration lease, Duration checkInterval) {
        public Settings {
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("the revenue batch size must be 1 to " + MAX_BATCH_SIZE + ", got "
                        + batchSize);
            }
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(checkInterval, "checkInterval");
            if (lease.isNegative() || lease.isZero() || checkInterval.isNegative()) {
                throw new IllegalArgumentException("the revenue lease must be positive, the check interval not negative");
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_BATCH_SIZE, DEFAULT_LEASE, DEFAULT_CHECK_INTERVAL);
        }
    }

    /** The three use cases of the feed. */
    public record Cases(RecordRevenueLines recordLines, PostRevenue post, ManageRevenueBatches manage) {
    }

    public static Cases create(RevenueBatches batches, RevenueFeed feed, Settings settings, Clock clock) {
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        return new Cases(new RecordRevenueLinesService(batches, clock), new PostRevenueService(batches, feed,
                settings, clock), new ManageRevenueBatchesService(batches, clock));
    }
}
