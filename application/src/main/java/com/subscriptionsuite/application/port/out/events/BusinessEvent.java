package com.subscriptionsuite.application.port.out.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing the engine booked, recorded in the same unit of work as the booking (docs/events.md):
 * its stable {@code id}, its {@code type}, the tenant, when it occurred (the services' clock), the
 * {@code orderingKey} events are delivered in order by (the subscription's id, else the account's),
 * and its payload in the seed's vocabulary.
 * <p>
 * Ids are derived, never random ({@link #idOf}): from the tenant, the operation key that booked it
 * and the event's index in that operation (or from the billing system's id of what it is about, for
 * the bill run's invoices and a cancel that takes effect), so a replayed operation can never make a
 * second event, and the outbox refuses a second event with an id it holds.
 */
public record BusinessEvent(String id, EventType type, long tenantId, Instant occurredAt, String orderingKey,
        EventPayload payload) {
    public BusinessEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(orderingKey, "orderingKey");
        Objects.requireNonNull(payload, "payload");
        if (!payload.fits(type)) {
            throw new IllegalArgumentException("a " + payload.getClass().getSimpleName() + " is not the payload of "
                    + type.wireName());
        }
    }

    /** A name-based (version 3) UUID of the tenant and {@code parts}: the same parts give the same id. */
    public static String idOf(long tenantId, String... parts) {
        return UUID.nameUUIDFromBytes((tenantId + "/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The same event occurring at another instant (a scheduled event when it is released). */
    public BusinessEvent at(Instant instant) {
        return new BusinessEvent(id, type, tenantId, instant, orderingKey, payload);
    }
}
