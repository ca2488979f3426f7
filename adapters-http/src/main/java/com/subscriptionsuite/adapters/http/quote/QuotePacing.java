package com.subscriptionsuite.adapters.http.quote;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps the answer time of a quote link from telling a quote that exists from one that does not: an
 * answer for a link that was found records how long it took (a moving average, per server), and an
 * answer for a link that was not found is held back until it has taken that long (at most
 * {@link #CAP}). A found quote costs a read at its source (for Salesforce a round trip) that an
 * unknown link does not, so without this a miss would answer measurably sooner.
 * <p>
 * Together with the lookup by the SHA-256 of the guid (a fixed-length key, compared by the database's
 * index whatever its value) and one identical 404 body for an unknown link and another tenant's, the
 * status, the body, the headers and the time are the same for both.
 */
final class QuotePacing {
    /** The longest a miss is held back. */
    static final Duration CAP = Duration.ofSeconds(2);
    /** The weight of the newest sample in the average: 1/8. */
    private static final int SMOOTHING = 8;

    private final LongSupplier nanoTime;
    private long averageNanos;

    QuotePacing(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    static QuotePacing system() {
        return new QuotePacing(System::nanoTime);
    }

    /** The start of an answer, for {@link #found} or {@link #hold}. */
    long start() {
        return nanoTime.getAsLong();
    }

    /** An answer for a link that was found took this long since {@code start}. */
    synchronized void found(long start) {
        long took = Math.max(0, nanoTime.getAsLong() - start);
        averageNanos = averageNanos == 0 ? took : averageNanos + (took - averageNanos) / SMOOTHING;
    }

    /**
     * An answer for a link that was not found: how much longer to hold it back so it has taken the average
     * time of a found one (zero when it already has, or before any quote was found). The caller holds the
     * answer back without holding a thread ({@link QuoteEndpoints#holdBack}).
     */
    Duration hold(long start) {
        long target;
        synchronized (this) {
            target = Math.min(averageNanos, CAP.toNanos());
        }
        long remaining = target - (nanoTime.getAsLong() - start);
        return remaining <= 0 ? Duration.ZERO : Duration.ofNanos(remaining);
    }

    /** The current average of a found answer (for tests). */
    synchronized Duration average() {
        return Duration.ofNanos(averageNanos);
    }
}
