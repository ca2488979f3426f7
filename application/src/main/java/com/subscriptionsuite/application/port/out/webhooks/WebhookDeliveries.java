package com.subscriptionsuite.application.port.out.webhooks;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Webhook deliveries: one row per event and matching endpoint, written by the webhook consumer in
 * the unit that advances its position, claimed by delivery workers on any instance (each row by one
 * worker at a time), and kept with their attempts for the admin endpoints.
 */
public interface WebhookDeliveries {
    /** Status of a delivery. */
    enum Status {
        /** waiting for its (next) attempt */
        PENDING,
        /** claimed by a worker that is posting it */
        SENDING,
        /** answered 2xx */
        DELIVERED,
        /** parked after the retry window: re-sendable by the admin endpoint */
        FAILED
    }

    /** Writes a pending delivery of the event to the endpoint (joins the running unit); a second one is ignored. */
    void add(NewDelivery delivery);

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now} for {@code holder} until
     * {@code now + leaseFor}, each the oldest undelivered one of its endpoint and ordering key (a
     * later event of a subscription waits while an earlier one is pending); also reclaims deliveries
     * whose claim ended (their worker died). No delivery is claimed by two workers. Its own unit.
     */
    List<Delivery> claim(String holder, Instant now, Duration leaseFor, int limit);

    /** Records the claimed attempt as delivered (if {@code holder} still holds it). */
    void delivered(long id, String holder, Instant at, int status);

    /**
     * Records the failed attempt; the delivery is pending again until {@code nextAttempt}, or failed
     * (parked) when {@code nextAttempt} is none.
     */
    void failed(long id, String holder, Instant at, String error, Option<Instant> nextAttempt);

    /** A page of the tenant's deliveries, newest first, optionally of one status. */
    List<Delivery> list(long tenantId, Option<Status> status, int offset, int limit);

    /** The tenant's delivery with this id. */
    Option<Delivery> delivery(long tenantId, long id);

    /**
     * Makes a failed delivery of the tenant pending again now, with a fresh retry window; false when
     * there is none or it is not failed.
     */
    boolean resend(long tenantId, long id, Instant now);

    record NewDelivery(long tenantId, String endpoint, String eventId, String eventType, long position,
            String orderingKey, Instant createdAt) {
        public NewDelivery {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(orderingKey, "orderingKey");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /**
     * A delivery: the event it posts (with its JSON body), the endpoint, its status and attempts, the
     * last attempt's time, HTTP status (0 when none answered) and error, the next attempt's time, and
     * the start of its retry window ({@code firstAttemptAt}).
     */
    record Delivery(long id, long tenantId, String endpoint, String eventId, String eventType, long position,
            String orderingKey, Status status, int attempts, Instant createdAt, Instant firstAttemptAt,
            Instant lastAttemptAt, int lastStatus, String lastError, Instant nextAttemptAt, String body) {
    }
}
