package com.subscriptionsuite.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.InMemoryBusinessEvents;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryWebhooks;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.in.events.DeliverySettings;
import com.subscriptionsuite.application.port.in.events.WebhookFailure;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Delivery;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status;
import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints.Endpoint;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webhook consumer and workers on in-memory ports, with a recording sender and a clock moved by hand. */
class WebhookDeliveryTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryBusinessEvents outbox = new InMemoryBusinessEvents(transactions);
    final InMemoryWebhooks webhooks = new InMemoryWebhooks();
    final Deque<Either<String, Integer>> answers = new ArrayDeque<>();
    final List<Map<String, String>> posted = new ArrayList<>();
    final Map<String, String> env = new java.util.HashMap<>(Map.of("CRM_SECRET", "whsec_1"));
    final WebhookSender sender = (url, headers, body, secret, at, timeout) -> {
        assertThat(url).isEqualTo("https://crm.example/hook");
        assertThat(secret).isEqualTo(env.get("CRM_SECRET"));
        assertThat(at).isEqualTo(clock.instant());
        assertThat(timeout).isEqualTo(Duration.ofSeconds(5));
        posted.add(headers);
        return answers.isEmpty() ? Either.right(204) : answers.poll();
    };
    final EventUseCases.Cases cases = EventUseCases.create(outbox, outbox, transactions, Map.of(),
            Option.some(new EventUseCases.Webhooks(webhooks, webhooks, sender, name -> Option.of(env.get(name)))),
            new DeliverySettings(Duration.ofSeconds(30), 10, Duration.ofSeconds(5), Duration.ofMinutes(1),
                    Duration.ofHours(1), Duration.ofHours(24)), "instance-1", clock);

    WebhookDeliveryTest() {
        webhooks.replace(1, List.of(new Endpoint(1, "crm", "https://crm.example/hook", Set.of("invoice.raised"),
                "CRM_SECRET")));
        outbox.append(List.of(event("a", EventType.INVOICE_RAISED), event("b", EventType.ACCOUNT_OPENED)));
    }

    static BusinessEvent event(String id, EventType type) {
        EventPayload payload = type == EventType.INVOICE_RAISED
                ? new EventPayload.InvoiceRaised("A1", "I1", "INV1", null, null, "EUR", "0.19", "", List.of(),
                        new EventPayload.Amounts("1.00", "0.19", "1.19", "EUR"), "bill_run")
                : new EventPayload.AccountOpened("A1", "A0001", 7, "EUR", "DE", null);
        return new BusinessEvent(BusinessEvent.idOf(1, id), type, 1, Instant.parse("2026-03-01T09:00:00Z"), "A1",
                payload);
    }

    Delivery only() {
        List<Delivery> all = webhooks.list(1, Option.none(), 0, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void fans_out_only_matching_events_once_and_posts_them_signed_with_event_headers() {
        assertThat(cases.deliverEvents().deliver()).isEqualTo(2);
        assertThat(cases.deliverEvents().deliver()).isZero();
        assertThat(cases.deliverEvents().sendWebhooks()).isEqualTo(1);

        assertThat(only().status()).isEqualTo(Status.DELIVERED);
        assertThat(only().lastStatus()).isEqualTo(204);
        assertThat(posted).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("Suite-Event-Id", event("a", EventType.INVOICE_RAISED).id())
                    .containsEntry("Suite-Event-Type", "invoice.raised").containsEntry("Suite-Delivery-Attempt", "1");
        });
        assertThat(cases.deliverEvents().sendWebhooks()).isZero();
    }

    @Test
    void retries_with_backoff_for_the_window_then_parks_and_an_admin_resend_delivers() {
        cases.deliverEvents().deliver();
        for (int i = 0; i < 100; i++) {
            answers.add(i % 2 == 0 ? Either.right(500) : Either.left("timed out after 5000 ms"));
        }
        cases.deliverEvents().sendWebhooks();
        Delivery first = only();
        assertThat(first.status()).isEqualTo(Status.PENDING);
        assertThat(first.lastError()).isEqualTo("HTTP 500");
        assertThat(Duration.between(clock.instant(), first.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));
        assertThat(cases.deliverEvents().sendWebhooks()).as("not due yet").isZero();

        int attempts = 1;
        while (only().status() == Status.PENDING) {
            clock.advance(Duration.between(clock.instant(), only().nextAttemptAt()));
            assertThat(cases.deliverEvents().sendWebhooks()).isEqualTo(1);
            attempts++;
        }
        assertThat(only().status()).isEqualTo(Status.FAILED);
        assertThat(Duration.between(only().firstAttemptAt(), only().lastAttemptAt())).isEqualTo(Duration.ofHours(24));
        assertThat(attempts).isEqualTo(only().attempts()).isBetween(25, 40);

        assertThat(cases.manageWebhooks().get().resend(2, only().id()).getLeft())
                .isInstanceOf(WebhookFailure.DeliveryNotFound.class);
        answers.clear();
        assertThat(cases.manageWebhooks().get().resend(1, only().id()).get().status()).isEqualTo(Status.PENDING);
        assertThat(cases.manageWebhooks().get().resend(1, only().id()).getLeft())
                .isInstanceOf(WebhookFailure.DeliveryNotFailed.class);
        cases.deliverEvents().sendWebhooks();
        assertThat(only().status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void a_secret_that_is_not_set_is_a_failed_attempt_that_names_the_variable() {
        env.remove("CRM_SECRET");
        cases.deliverEvents().deliver();
        cases.deliverEvents().sendWebhooks();
        assertThat(posted).isEmpty();
        assertThat(only().status()).isEqualTo(Status.PENDING);
        assertThat(only().lastError()).contains("CRM_SECRET");
    }
}
