package com.subscriptionsuite.application.port.out.events;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outbox read by its consumers: each consumer (by name) has its own position and a lease, so on
 * several instances only the lease's holder reads and advances it, in the outbox's order (which is
 * commit order: a position is never committed after a higher one, so a consumer never skips one).
 * A lease not renewed before its end (its holder crashed) is taken by the next instance that asks.
 */
public interface EventFeed {
    /**
     * Takes (or renews) the consumer's lease for {@code holder} until {@code now + leaseFor} when it is
     * free, over, or the holder's own; the lease with the consumer's position, or none when another
     * holder has it. Creates the consumer at position 0 the first time. Its own unit.
     */
    Option<ConsumerLease> claim(String consumer, String holder, Instant now, Duration leaseFor);

    /** Up to {@code limit} events after {@code position}, in order. */
    List<StoredEvent> after(long position, int limit);

    /**
     * Moves the consumer to {@code position} while {@code lease} still holds it (joins the running unit
     * of work, so what the consumer wrote for the events commits with its new position); false when
     * the lease was lost (taken over after it ended): then nothing must be committed.
     */
    boolean advance(ConsumerLease lease, long position);

    /** Gives the lease up (a clean stop), if still held. */
    void release(ConsumerLease lease);

    /** The consumer's position (0 before its first event), for admin and tests. */
    long position(String consumer);

    /** A consumer's lease: who holds it until when, and the position it had when claimed. */
    record ConsumerLease(String consumer, String holder, Instant until, long position) {
        public ConsumerLease {
            Objects.requireNonNull(consumer, "consumer");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(until, "until");
        }
    }

    /** An event in the outbox: its position (delivery order), the event, and its JSON as delivered. */
    record StoredEvent(long position, BusinessEvent event, String json) {
        public StoredEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(json, "json");
        }
    }
}
