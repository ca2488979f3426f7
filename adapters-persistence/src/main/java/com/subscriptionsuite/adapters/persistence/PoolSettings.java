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
 * @param lockTimeout on PostgreSQL, how long a statement waits for a row lock ({@code lock_timeout}) before
 *             it fails, answered as {@code ServerBusy}: one stalled unit cannot hold a hot row for every
 *             instance; zero = wait without a limit. H2 keeps its own lock wait ({@link Handles#LOCK_WAIT}).
 * @param statementTimeout on PostgreSQL, how long one statement may run ({@code statement_timeout}), likewise;
 *             zero = no limit. Migrations run without either limit.
 */
public record PoolSettings(int size, Duration maxWait, Duration lockTimeout, Duration statementTimeout) {
    public static final int DEFAULT_SIZE = 10;
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(3);
    public static final Duration MIN_WAIT = Duration.ofMillis(250);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    /** A pool with the default lock and statement timeouts. */
    public PoolSettings(int size, Duration maxWait) {
        this(size, maxWait, DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
    }

    public PoolSettings {
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (lockTimeout.isNegative() || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("lock and statement timeouts must not be negative");
        }
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
