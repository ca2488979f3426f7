package com.subscriptionsuite.application.port.out.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The outbox: where bookings write their events. {@link #append} and {@link #schedule} join the
 * running unit of work (they are called inside the unit that commits the booking), so an event is
 * there exactly when its booking committed. An event whose id the outbox holds already is skipped
 * (a replayed operation makes no second event). Delivery order is the order of commits.
 */
public interface BusinessEvents {
    /** Appends the events, in this order, to the outbox; inside the booking's unit of work. */
    void append(List<BusinessEvent> events);

    /**
     * Keeps {@code event} to be appended once {@code dueOn} is reached ({@link #releaseDue}); inside
     * the booking's unit of work. Scheduling an id scheduled before changes nothing.
     */
    void schedule(BusinessEvent event, LocalDate dueOn);

    /**
     * Drops the scheduled event {@code eventId} of the tenant if it was not appended yet (a withdrawn
     * cancel's {@code subscription.cancelled}); inside the withdrawal's unit of work. No such event
     * changes nothing.
     */
    void unschedule(long tenantId, String eventId);

    /**
     * Appends every scheduled event due on or before {@code today}, as occurring at {@code now}, each
     * exactly once whatever the number of instances calling at once; how many it appended. Runs in
     * units of its own.
     */
    int releaseDue(LocalDate today, Instant now);

    /** No outbox: events are dropped (an embedding host that did not give one). */
    BusinessEvents NONE = new BusinessEvents() {
        @Override
        public void append(List<BusinessEvent> events) {
        }

        @Override
        public void schedule(BusinessEvent event, LocalDate dueOn) {
        }

        @Override
        public int releaseDue(LocalDate today, Instant now) {
            return 0;
        }

        @Override
        public void unschedule(long tenantId, String eventId) {
        }
    };
}
