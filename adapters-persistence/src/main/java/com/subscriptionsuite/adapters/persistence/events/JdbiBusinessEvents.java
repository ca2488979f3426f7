package com.subscriptionsuite.adapters.persistence.events;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.UtcInstants;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventFeed;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox and its consumers in the engine's database (migration {@code V12__business_events};
 * docs/events.md).
 *
 * <h2>No gap</h2>
 * {@link #append} takes its positions from the one row of {@code event_order} with an {@code UPDATE}
 * in the booking's unit: the row stays locked until the unit ends, so units take positions one after
 * the other in commit order, and a unit that rolls back gives its positions back (the next unit takes
 * them). A consumer reading after its position can therefore never pass over a lower position that is
 * still to commit: when position p is visible, every position below p is visible or was never used.
 * The price is that the ends of booking units that write events are serialised (a few milliseconds
 * each); on H2 the wait for the row is retried past H2's lock timeout ({@link Handles#waitingForLock}).
 *
 * <h2>Consumers</h2>
 * A consumer's row carries its position and lease; {@link #claim} takes the row {@code FOR UPDATE} in
 * a short unit of its own and gives the lease when free, over, or the caller's; {@link #advance} is a
 * conditional update on the holder, joining the running unit.
 */
public final class JdbiBusinessEvents implements BusinessEvents, EventFeed {
    private final Jdbi jdbi;
    private final Handles handles;

    public JdbiBusinessEvents(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.handles = new Handles(jdbi);
    }

    @Override
    public void append(List<BusinessEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        handles.with(handle -> {
            List<BusinessEvent> fresh = new ArrayList<>();
            for (BusinessEvent e : events) {
                boolean known = handle.createQuery("SELECT COUNT(*) FROM business_event WHERE event_id = :id")
                        .bind("id", e.id()).mapTo(Integer.class).one() > 0;
                if (!known && fresh.stream().noneMatch(f -> f.id().equals(e.id()))) {
                    fresh.add(e);
                }
            }
            if (fresh.isEmpty()) {
                return null;
            }
            long last = take(handle, fresh.size());
            long position = last - fresh.size();
            for (BusinessEvent e : fresh) {
                position++;
                insert(handle, position, e, EventJson.write(e));
            }
            return null;
        });
    }

    /** Takes {@code count} positions under the event_order row's lock (held until the unit ends); the last. */
    private static long take(Handle handle, int count) {
        Handles.waitingForLock(() -> handle.createUpdate(
                "UPDATE event_order SET last_position = last_position + :count WHERE id = 1")
                .bind("count", count).execute());
        return handle.createQuery("SELECT last_position FROM event_order WHERE id = 1").mapTo(Long.class).one();
    }

    private static void insert(Handle handle, long position, BusinessEvent e, String json) {
        handle.createUpdate("""
                INSERT INTO business_event (position, event_id, tenant_id, event_type, ordering_key, occurred_at, body)
                VALUES (:position, :id, :tenant, :type, :key, :at, :body)
                """)
                .bind("position", position).bind("id", e.id()).bind("tenant", e.tenantId())
                .bind("type", e.type().wireName()).bind("key", e.orderingKey()).bind("at", e.occurredAt())
                .bind("body", json).execute();
    }

    @Override
    public void schedule(BusinessEvent event, LocalDate dueOn) {
        handles.with(handle -> handle.createUpdate("""
                INSERT INTO scheduled_event (event_id, tenant_id, due_on, body) VALUES (:id, :tenant, :due, :body)
                ON CONFLICT DO NOTHING
                """).bind("id", event.id()).bind("tenant", event.tenantId()).bind("due", dueOn)
                .bind("body", EventJson.write(event)).execute());
    }

    @Override
    public void unschedule(long tenantId, String eventId) {
        handles.with(handle -> handle.createUpdate("""
                DELETE FROM scheduled_event WHERE event_id = :id AND tenant_id = :tenant AND released_at IS NULL
                """).bind("id", eventId).bind("tenant", tenantId).execute());
    }

    @Override
    public int releaseDue(LocalDate today, Instant now) {
        List<String> due = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT event_id FROM scheduled_event WHERE released_at IS NULL AND due_on <= :today
                 ORDER BY due_on, event_id
                """).bind("today", today).mapTo(String.class).list());
        int released = 0;
        for (String id : due) {
            boolean done = jdbi.inTransaction(handle -> {
                int claimed = handle.createUpdate(
                        "UPDATE scheduled_event SET released_at = :now WHERE event_id = :id AND released_at IS NULL")
                        .bind("now", now).bind("id", id).execute();
                if (claimed == 0) {
                    return false;
                }
                String body = handle.createQuery("SELECT body FROM scheduled_event WHERE event_id = :id")
                        .bind("id", id).mapTo(String.class).one();
                BusinessEvent event = EventJson.read(body).at(now.truncatedTo(ChronoUnit.MICROS));
                append(List.of(event));
                return true;
            });
            if (done) {
                released++;
            }
        }
        return released;
    }

    @Override
    public Option<ConsumerLease> claim(String consumer, String holder, Instant now, Duration leaseFor) {
        if (handles.joined()) {
            throw new IllegalStateException("a consumer's lease is claimed outside a unit of work");
        }
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(h -> {
                h.createUpdate("INSERT INTO event_consumer (name, position) VALUES (:name, 0) ON CONFLICT DO NOTHING")
                        .bind("name", consumer).execute();
                Optional<LeaseRow> row = Handles.waitingForLock(() -> h.createQuery(
                        "SELECT position, holder, held_until FROM event_consumer WHERE name = :name FOR UPDATE")
                        .bind("name", consumer)
                        .map((rs, ctx) -> new LeaseRow(rs.getLong(1), rs.getString(2),
                                new UtcInstants.Reading().map(rs, 3, ctx)))
                        .findOne());
                LeaseRow current = row.orElseThrow(() -> new IllegalStateException("consumer " + consumer
                        + " has no row after creating it"));
                boolean free = current.holder() == null || current.heldUntil() == null
                        || current.heldUntil().isBefore(now) || current.holder().equals(holder);
                if (!free) {
                    return Option.<ConsumerLease>none();
                }
                Instant until = now.plus(leaseFor).truncatedTo(ChronoUnit.MICROS);
                h.createUpdate("UPDATE event_consumer SET holder = :holder, held_until = :until WHERE name = :name")
                        .bind("holder", holder).bind("until", until).bind("name", consumer).execute();
                return Option.some(new ConsumerLease(consumer, holder, until, current.position()));
            });
        }
    }

    private record LeaseRow(long position, String holder, Instant heldUntil) {
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return handles.with(handle -> handle.createQuery(
                "SELECT position, body FROM business_event WHERE position > :p ORDER BY position LIMIT :limit")
                .bind("p", position).bind("limit", limit)
                .map((rs, ctx) -> new StoredEvent(rs.getLong(1), EventJson.read(rs.getString(2)), rs.getString(2)))
                .list());
    }

    @Override
    public boolean advance(ConsumerLease lease, long position) {
        return handles.with(handle -> handle.createUpdate(
                "UPDATE event_consumer SET position = :p WHERE name = :name AND holder = :holder AND position <= :p")
                .bind("p", position).bind("name", lease.consumer()).bind("holder", lease.holder()).execute() == 1);
    }

    @Override
    public void release(ConsumerLease lease) {
        jdbi.useHandle(handle -> handle.createUpdate(
                "UPDATE event_consumer SET holder = NULL, held_until = NULL WHERE name = :name AND holder = :holder")
                .bind("name", lease.consumer()).bind("holder", lease.holder()).execute());
    }

    @Override
    public long position(String consumer) {
        return handles.with(handle -> handle.createQuery("SELECT position FROM event_consumer WHERE name = :name")
                .bind("name", consumer).mapTo(Long.class).findOne().orElse(0L));
    }
}
