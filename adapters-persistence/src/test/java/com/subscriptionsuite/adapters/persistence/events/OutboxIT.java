package com.subscriptionsuite.adapters.persistence.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventFeed;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox, its consumers and webhook deliveries on H2 and PostgreSQL (docs/events.md). */
class OutboxIT {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private JdbiBusinessEvents open(TestDatabases.Kind kind) {
        database = kind.open(dataDir);
        return new JdbiBusinessEvents(database.jdbi());
    }

    private static BusinessEvent event(String id, String key) {
        return new BusinessEvent(BusinessEvent.idOf(1, id), EventType.PAYMENT_METHOD_CHANGED, 1, T0, key,
                new EventPayload.PaymentMethodChanged("A1", 7, "PM" + id, "sepa", Map.of("iban", "DE**12")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void an_event_is_there_when_its_unit_commits_and_not_when_it_rolls_back(TestDatabases.Kind kind) {
        JdbiBusinessEvents outbox = open(kind);
        JdbiTransactions units = new JdbiTransactions(database.jdbi());
        assertThatThrownBy(() -> units.inTransaction(() -> {
            outbox.append(List.of(event("rolled-back", "S1")));
            throw new IllegalStateException("the booking failed");
        })).hasMessage("the booking failed");
        assertThat(outbox.after(0, 10)).isEmpty();

        units.inTransaction(() -> {
            outbox.append(List.of(event("a", "S1"), event("b", "S1")));
            return null;
        });
        units.inTransaction(() -> {
            outbox.append(List.of(event("a", "S1")));
            return null;
        });
        List<EventFeed.StoredEvent> stored = outbox.after(0, 10);
        assertThat(stored).extracting(EventFeed.StoredEvent::position).containsExactly(1L, 2L);
        assertThat(stored.get(0).event()).isEqualTo(event("a", "S1"));
        assertThat(stored.get(0).json()).contains("\"type\":\"payment_method.changed\"")
                .contains("\"payment_method_id\":\"PMa\"");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_consumer_advances_under_its_lease_and_a_lease_that_ended_is_taken_over(TestDatabases.Kind kind) {
        JdbiBusinessEvents outbox = open(kind);
        outbox.append(List.of(event("a", "S1"), event("b", "S2"), event("c", "S1")));
        EventFeed.ConsumerLease first = outbox.claim("listener", "instance-1", T0, Duration.ofSeconds(30)).get();
        assertThat(first.position()).isZero();
        assertThat(outbox.claim("listener", "instance-2", T0.plusSeconds(29), Duration.ofSeconds(30))).isEmpty();
        assertThat(outbox.advance(first, 2)).isTrue();
        // instance-1 "crashes": it never releases; after its lease instance-2 takes over where it was
        EventFeed.ConsumerLease second = outbox.claim("listener", "instance-2", T0.plusSeconds(31),
                Duration.ofSeconds(30)).get();
        assertThat(second.position()).isEqualTo(2);
        assertThat(outbox.after(second.position(), 10)).extracting(e -> e.event().id())
                .containsExactly(event("c", "S1").id());
        assertThat(outbox.advance(first, 3)).as("the old holder can no longer advance").isFalse();
        assertThat(outbox.advance(second, 3)).isTrue();
        assertThat(outbox.position("listener")).isEqualTo(3);
        assertThat(outbox.position("other")).isZero();
    }

    /**
     * The classic gap: writer A takes its position first but commits after writer B. With positions
     * taken under the event_order row's lock, B waits for A, so B's position is higher and visible only
     * after A's: a consumer reading between the commits never passes over A's event.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_consumer_never_skips_an_event_whose_unit_commits_later(TestDatabases.Kind kind) throws Exception {
        JdbiBusinessEvents outbox = open(kind);
        JdbiTransactions units = new JdbiTransactions(database.jdbi());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch aAppended = new CountDownLatch(1);
            CountDownLatch aMayCommit = new CountDownLatch(1);
            Future<?> a = pool.submit(() -> units.inTransaction(() -> {
                outbox.append(List.of(event("slow", "S1")));
                aAppended.countDown();
                await(aMayCommit);
                return null;
            }));
            assertThat(aAppended.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> units.inTransaction(() -> {
                outbox.append(List.of(event("fast", "S2")));
                return null;
            }));
            Thread.sleep(300);
            assertThat(b.isDone()).as("B waits for A's unit to end before it takes a position").isFalse();
            EventFeed.ConsumerLease lease = outbox.claim("c", "i1", T0, Duration.ofSeconds(30)).get();
            assertThat(outbox.after(lease.position(), 10)).as("nothing is visible while A is open").isEmpty();
            aMayCommit.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(20, TimeUnit.SECONDS);
            assertThat(outbox.after(0, 10)).extracting(e -> e.event().id() + "@" + e.position())
                    .containsExactly(event("slow", "S1").id() + "@1", event("fast", "S2").id() + "@2");
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void many_concurrent_writers_leave_no_hole_and_rolled_back_ones_give_their_positions_back(
            TestDatabases.Kind kind) throws Exception {
        JdbiBusinessEvents outbox = open(kind);
        JdbiTransactions units = new JdbiTransactions(database.jdbi());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            writes.add(pool.submit(() -> {
                try {
                    units.inTransaction(() -> {
                        outbox.append(List.of(event("w" + n, "S" + (n % 3))));
                        if (n % 5 == 0) {
                            throw new IllegalStateException("rolled back");
                        }
                        return null;
                    });
                } catch (IllegalStateException expected) {
                    // the unit rolled back: its event must not appear
                }
                return null;
            }));
        }
        for (Future<?> w : writes) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<EventFeed.StoredEvent> all = outbox.after(0, 100);
        assertThat(all).hasSize(32);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).position()).isEqualTo(i + 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_scheduled_event_is_released_once_when_due(TestDatabases.Kind kind) {
        JdbiBusinessEvents outbox = open(kind);
        outbox.schedule(event("later", "S1"), LocalDate.of(2026, 3, 10));
        outbox.schedule(event("later", "S1"), LocalDate.of(2026, 3, 10));
        assertThat(outbox.releaseDue(LocalDate.of(2026, 3, 9), T0)).isZero();
        assertThat(outbox.releaseDue(LocalDate.of(2026, 3, 10), T0.plusSeconds(5))).isEqualTo(1);
        assertThat(outbox.releaseDue(LocalDate.of(2026, 3, 11), T0.plusSeconds(9))).isZero();
        assertThat(outbox.after(0, 10)).singleElement()
                .satisfies(e -> assertThat(e.event().occurredAt()).isEqualTo(T0.plusSeconds(5)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void an_unscheduled_event_is_never_released_and_can_be_scheduled_again(TestDatabases.Kind kind) {
        JdbiBusinessEvents outbox = open(kind);
        outbox.schedule(event("later", "S1"), LocalDate.of(2026, 3, 10));
        outbox.schedule(event("other", "S2"), LocalDate.of(2026, 3, 10));

        outbox.unschedule(2, BusinessEvent.idOf(1, "other"));
        outbox.unschedule(1, BusinessEvent.idOf(1, "later"));

        assertThat(outbox.releaseDue(LocalDate.of(2026, 3, 10), T0)).isEqualTo(1);
        assertThat(outbox.after(0, 10)).extracting(e -> e.event().orderingKey()).containsExactly("S2");
        outbox.schedule(event("later", "S1"), LocalDate.of(2026, 3, 12));
        assertThat(outbox.releaseDue(LocalDate.of(2026, 3, 12), T0)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_delivery_is_claimed_by_one_worker_and_later_ones_of_its_key_wait(TestDatabases.Kind kind) {
        JdbiBusinessEvents outbox = open(kind);
        JdbiWebhooks webhooks = new JdbiWebhooks(database.jdbi());
        webhooks.replace(1, List.of(new com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints.Endpoint(
                1, "crm", "http://127.0.0.1:1/hook", Set.of(), "CRM_SECRET")));
        outbox.append(List.of(event("a", "S1"), event("b", "S1"), event("c", "S2")));
        for (EventFeed.StoredEvent e : outbox.after(0, 10)) {
            webhooks.add(new WebhookDeliveries.NewDelivery(1, "crm", e.event().id(), e.event().type().wireName(),
                    e.position(), e.event().orderingKey(), T0));
            webhooks.add(new WebhookDeliveries.NewDelivery(1, "crm", e.event().id(), e.event().type().wireName(),
                    e.position(), e.event().orderingKey(), T0));
        }
        List<WebhookDeliveries.Delivery> first = webhooks.claim("w1", T0, Duration.ofSeconds(30), 10);
        assertThat(first).extracting(WebhookDeliveries.Delivery::eventId)
                .containsExactly(event("a", "S1").id(), event("c", "S2").id());
        assertThat(first.get(0).body()).contains(event("a", "S1").id());
        assertThat(webhooks.claim("w2", T0, Duration.ofSeconds(30), 10)).as("b waits for a; a and c are taken")
                .isEmpty();
        webhooks.failed(first.get(0).id(), "w1", T0, "HTTP 500", Option.some(T0.plusSeconds(30)));
        webhooks.delivered(first.get(1).id(), "w1", T0, 204);
        assertThat(webhooks.claim("w2", T0.plusSeconds(10), Duration.ofSeconds(30), 10)).isEmpty();
        List<WebhookDeliveries.Delivery> retry = webhooks.claim("w2", T0.plusSeconds(30), Duration.ofSeconds(30), 10);
        assertThat(retry).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo(event("a", "S1").id());
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastStatus()).isEqualTo(500);
        });
        // w2 dies holding it: after its claim ends, w3 reclaims it
        assertThat(webhooks.claim("w3", T0.plusSeconds(61), Duration.ofSeconds(30), 10))
                .extracting(WebhookDeliveries.Delivery::eventId).containsExactly(event("a", "S1").id());
        webhooks.failed(retry.get(0).id(), "w3", T0.plusSeconds(62), "timeout", Option.none());
        assertThat(webhooks.list(1, Option.some(WebhookDeliveries.Status.FAILED), 0, 10)).singleElement()
                .satisfies(d -> assertThat(d.lastError()).isEqualTo("timeout"));
        assertThat(webhooks.list(2, Option.none(), 0, 10)).as("another tenant sees none").isEmpty();
        assertThat(webhooks.resend(2, retry.get(0).id(), T0)).isFalse();
        assertThat(webhooks.resend(1, retry.get(0).id(), T0.plusSeconds(70))).isTrue();
        assertThat(webhooks.claim("w4", T0.plusSeconds(70), Duration.ofSeconds(30), 10))
                .extracting(WebhookDeliveries.Delivery::eventId).containsExactly(event("a", "S1").id());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
