package com.subscriptionsuite.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * The connection pool of a {@link Database}.
 *
 * @param size the most connections open at once; each request (and each background job) holds at
 *             most one at a time, so this is how many units of work run in the database at once
 * @param maxWait how long a request waits for a free connection before it is refused with
 *             {@link com.subscriptionsuite.application.ServerBusy} (HTTP 503 {@code server_busy});
 *             at least 250 ms (HikariCP's minimum)
 */
public record PoolSettings(int size, Duration maxWait) {
    public static final int DEFAULT_SIZE = 10;
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(3);
    public static final Duration MIN_WAIT = Duration.ofMillis(250);

    public PoolSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        if (maxWait.compareTo(MIN_WAIT) < 0) {
            throw new IllegalArgumentException("pool wait must be at least " + MIN_WAIT.toMillis() + " ms, got "
                    + maxWait.toMillis() + " ms");
        }
    }

    public static PoolSettings defaults() {
        return new PoolSettings(DEFAULT_SIZE, DEFAULT_WAIT);
    }
}
