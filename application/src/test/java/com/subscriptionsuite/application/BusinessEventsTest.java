package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.cart;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.cancel;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.ok;
import static com.subscriptionsuite.application.ChangeSubscriptionTest.quantity;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.FaultyBillingGateway;
import com.subscriptionsuite.application.port.in.change.AppliedChange;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Subscribed;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventListener;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.domain.billing.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The business events bookings write (docs/events.md), on the in-memory adapters. */
class BusinessEventsTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    @Test
    void a_first_checkout_writes_the_account_each_subscription_with_its_charges_and_the_invoice() {
        BillingTestEngine t = new BillingTestEngine(NOW);
        long ann = t.customer(1);
        Subscribed done = t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(402, 5, 2),
                item(401, 2, 1))).get();

        List<BusinessEvent> events = t.events.all();
        assertThat(events).extracting(BusinessEvent::type).containsExactly(EventType.ACCOUNT_OPENED,
                EventType.SUBSCRIPTION_CREATED, EventType.SUBSCRIPTION_CREATED, EventType.INVOICE_RAISED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.tenantId()).isEqualTo(1);
            assertThat(e.occurredAt()).isEqualTo(NOW);
        });
        assertThat(events).extracting(BusinessEvent::id).doesNotHaveDuplicates();
        EventPayload.SubscriptionCreated basic = (EventPayload.SubscriptionCreated) events.get(1).payload();
        assertThat(events.get(1).orderingKey()).isEqualTo(done.subscriptions().get(0).id());
        assertThat(basic.uuid()).isEqualTo(done.subscriptions().get(0).uuid());
        assertThat(basic.suiteProductId()).isEqualTo(401);
        assertThat(basic.quantity()).isEqualTo(2);
        assertThat(basic.startDate()).isEqualTo(LocalDate.of(2025, 6, 15));
        assertThat(basic.charges()).extracting(c -> c.productRatePlanChargeId() + " " + c.quantity() + " "
                + c.periodPrice() + " " + c.currency() + " " + c.effectiveStartDate())
                .containsExactly("301 2 9.99 EUR 2025-06-15", "302 2 19.00 EUR 2025-06-15",
                        "303 2 5.00 EUR 2025-06-15");
        EventPayload.InvoiceRaised invoice = (EventPayload.InvoiceRaised) events.get(3).payload();
        assertThat(invoice.invoiceId()).isEqualTo(done.invoiceId());
        assertThat(invoice.invoiceNumber()).isEqualTo("INV00000001");
        assertThat(invoice.lines()).hasSize(4);
        assertThat(invoice.total()).isEqualTo(new EventPayload.Amounts("181.59", "30.90", "212.49", "EUR"));
        assertThat(invoice.raisedBy()).isEqualTo("checkout");
        assertThat(events.get(3).orderingKey()).as("an invoice of two subscriptions is ordered by the account")
                .isEqualTo(((EventPayload.AccountOpened) events.get(0).payload()).accountId());
    }

    @Test
    void a_checkout_on_the_built_in_ledger_reads_nothing_back_and_writes_the_events_a_read_back_would() {
        FaultyBillingGateway[] counted = new FaultyBillingGateway[2];
        BillingTestEngine fromAnswer = new BillingTestEngine(NOW, true, links -> links, gateway -> {
            counted[0] = new FaultyBillingGateway(gateway);
            return counted[0];
        });
        BillingTestEngine readBack = new BillingTestEngine(NOW, true, links -> links, gateway -> {
            counted[1] = new FaultyBillingGateway(gateway).answeringIdsOnly();
            return counted[1];
        });
        for (BillingTestEngine t : List.of(fromAnswer, readBack)) {
            long ann = t.customer(1);
            t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(402, 5, 2), item(401, 2, 1))).get();
        }

        assertThat(counted[0].reached(FaultyBillingGateway.Call.SUBSCRIPTIONS)).isZero();
        assertThat(counted[0].reached(FaultyBillingGateway.Call.INVOICES)).isZero();
        assertThat(counted[1].reached(FaultyBillingGateway.Call.SUBSCRIPTIONS)).isEqualTo(1);
        assertThat(counted[1].reached(FaultyBillingGateway.Call.INVOICES)).isEqualTo(1);
        assertThat(fromAnswer.events.all()).hasSize(4);
        assertThat(fromAnswer.events.all()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .isEqualTo(readBack.events.all());
    }

    @Test
    void a_checkout_whose_answer_is_lost_writes_no_event_and_its_keyed_repeat_writes_them_once() {
        FaultyBillingGateway[] faulty = new FaultyBillingGateway[1];
        BillingTestEngine t = new BillingTestEngine(NOW, true, links -> links, gateway -> {
            faulty[0] = new FaultyBillingGateway(gateway);
            return faulty[0];
        });
        long ann = t.customer(1);
        faulty[0].plan(FaultyBillingGateway.Call.SUBSCRIBE, new FaultyBillingGateway.TimeoutAfter());
        var command = cart(1, ann, berliner(null), item(401, 2, 1));
        assertThat(t.engine.checkout().subscribe(command,
                com.subscriptionsuite.application.port.in.operation.Operation.keyed("k1", answer -> { })).isLeft())
                .isTrue();
        assertThat(t.events.all()).as("booked by the billing system, not committed by the engine").isEmpty();

        t.engine.checkout().subscribe(command,
                com.subscriptionsuite.application.port.in.operation.Operation.keyed("k1", answer -> { })).get();
        assertThat(t.events.all()).extracting(BusinessEvent::type).containsExactly(EventType.ACCOUNT_OPENED,
                EventType.SUBSCRIPTION_CREATED, EventType.INVOICE_RAISED);
    }

    @Test
    void a_quantity_change_writes_its_amendment_and_invoice_and_a_listener_hears_them_in_order() {
        ChangeSubscriptionTest.Shop shop = new ChangeSubscriptionTest.Shop();
        Subscription basic = shop.basic(2);
        AppliedChange applied = ok(shop.apply(quantity(basic, 3)));

        List<BusinessEvent> events = shop.events.all();
        assertThat(events).extracting(BusinessEvent::type).containsExactly(EventType.SUBSCRIPTION_QUANTITY_CHANGED,
                EventType.INVOICE_RAISED);
        EventPayload.SubscriptionChanged changed = (EventPayload.SubscriptionChanged) events.get(0).payload();
        assertThat(changed.quantityBefore()).isEqualTo(2);
        assertThat(changed.quantity()).isEqualTo(3);
        assertThat(changed.effectiveDate()).isEqualTo(LocalDate.of(2023, 5, 23));
        assertThat(changed.invoiceNumber()).isEqualTo(applied.invoiceNumber());
        assertThat(changed.invoiceTotal()).isEqualTo(new EventPayload.Amounts("22.18", "4.21", "26.39", "EUR"));
        assertThat(changed.newCharges()).isNotEmpty().allSatisfy(c -> assertThat(c.quantity()).isEqualTo(3));
        assertThat(events).extracting(BusinessEvent::orderingKey).containsOnly(basic.id());

        assertThat(shop.engine.events().orElseThrow().deliverEvents().deliver()).isEqualTo(2);
        assertThat(shop.heard).extracting(EventListener.FeedEvent::position).containsExactly(1L, 2L);
        assertThat(shop.engine.events().orElseThrow().deliverEvents().deliver()).as("each event once").isZero();
    }

    @Test
    void a_cancel_books_now_and_emits_cancelled_once_its_effective_date_is_reached() {
        ChangeSubscriptionTest.Shop shop = new ChangeSubscriptionTest.Shop();
        Subscription basic = shop.basic(2);
        ok(shop.apply(cancel(basic)));

        assertThat(shop.events.all()).extracting(BusinessEvent::type)
                .containsExactly(EventType.SUBSCRIPTION_CANCEL_BOOKED);
        assertThat(shop.events.scheduled()).extracting(BusinessEvent::type)
                .containsExactly(EventType.SUBSCRIPTION_CANCELLED);
        var deliver = shop.engine.events().orElseThrow().deliverEvents();
        deliver.deliver();
        shop.clock.advance(Duration.ofDays(22));
        deliver.deliver();
        assertThat(shop.heard).hasSize(1);
        shop.clock.advance(Duration.ofDays(2));
        deliver.deliver();
        deliver.deliver();
        assertThat(shop.heard).extracting(e -> e.event().type()).containsExactly(
                EventType.SUBSCRIPTION_CANCEL_BOOKED, EventType.SUBSCRIPTION_CANCELLED);
        EventPayload.SubscriptionCancelled cancelled = (EventPayload.SubscriptionCancelled) shop.heard.get(1).event()
                .payload();
        assertThat(cancelled.effectiveDate()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(cancelled.uuid()).isEqualTo(basic.uuid());
    }
}
