package com.subscriptionsuite.application.service.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.revenue.RecordRevenueLines;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventListener;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bookings to revenue lines: which events carry revenue, which lines they make, with what amounts and dates. */
class RevenueFromEventsTest {
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private final List<RevenueLine> recorded = new ArrayList<>();
    private final RevenueFromEvents feed;

    RevenueFromEventsTest() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        RecordRevenueLines record = (tenantId, lines) -> {
            recorded.addAll(lines);
            return Either.right(new RecordRevenueLines.Recorded(lines.size(), 0));
        };
        feed = new RevenueFromEvents(record, directory);
    }

    private static EventPayload.ChargeLine charge(String id, boolean discount, long quantity, String period,
            String list, LocalDate start, LocalDate end) {
        return new EventPayload.ChargeLine(id, "C-" + id, 1, 11, 111, "Licence", "Recurring", "PerUnit", "Month",
                "TaxExclusive", discount, quantity, period, list, "EUR", start, end);
    }

    private void on(EventType type, EventPayload payload) {
        feed.on(new EventListener.FeedEvent(1, new BusinessEvent("ev-" + type.wireName(), type, 1, AT, "S-1",
                payload), "{}"));
    }

    @Test
    void a_change_makes_a_sales_order_line_per_new_segment_under_the_version_and_a_cancel_none() {
        EventPayload.SubscriptionChanged change = new EventPayload.SubscriptionChanged("acc", 7, "S-1", "A-S1", "u",
                "O-1", 2, "QuantityUpgrade", 1, 1, 3, 5, "EUR", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-01"), List.of(charge("c2", false, 5, "27.00", "30.00",
                        LocalDate.parse("2026-12-01"), null), charge("d1", true, 1, "0.00", "0.00",
                        LocalDate.parse("2026-12-01"), null)), List.of(), null, null, null);

        on(EventType.SUBSCRIPTION_QUANTITY_CHANGED, change);
        on(EventType.SUBSCRIPTION_CANCEL_BOOKED, change);

        assertThat(recorded).hasSize(1);
        RevenueLine line = recorded.get(0);
        assertThat(line.kind()).isEqualTo(RevenueLine.Kind.SALES_ORDER);
        assertThat(line.orderNumber()).isEqualTo("A-S1-v2");
        assertThat(line.sourceId()).isEqualTo("ev-subscription.quantity_changed:1");
        assertThat(line.quantity()).isEqualByComparingTo("5");
        assertThat(line.unitSellPrice()).isEqualByComparingTo("5.4");
        assertThat(line.extendedSellPrice()).isEqualByComparingTo("27.00");
        assertThat(line.extendedListPrice()).isEqualByComparingTo("30.00");
        assertThat(line.startsOn()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(line.endsOn()).isNull();
        assertThat(line.bookedOn()).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void an_invoice_makes_an_invoice_line_per_line_a_credit_a_credit_line_over_the_service_period() {
        EventPayload.InvoiceRaised invoice = new EventPayload.InvoiceRaised("acc", "i1", "INV-1",
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-15"), "EUR", "0.19", null, List.of(
                        new EventPayload.InvoiceLineItem("A-S1", 111, "credit", LocalDate.parse("2026-12-01"),
                                LocalDate.parse("2026-12-21"), new EventPayload.Amounts("-10.80", "-2.05", "-12.85",
                                        "EUR")),
                        new EventPayload.InvoiceLineItem("A-S1", 111, "charge", LocalDate.parse("2026-12-01"),
                                LocalDate.parse("2026-12-21"), new EventPayload.Amounts("18.00", "3.42", "21.42",
                                        "EUR"))),
                new EventPayload.Amounts("7.20", "1.37", "8.57", "EUR"), "change");

        on(EventType.INVOICE_RAISED, invoice);

        assertThat(recorded).extracting(RevenueLine::kind).containsExactly(RevenueLine.Kind.CREDIT,
                RevenueLine.Kind.INVOICE);
        assertThat(recorded).extracting(RevenueLine::orderNumber).containsOnly("INV-1");
        assertThat(recorded.get(0).extendedSellPrice()).isEqualByComparingTo("-10.80");
        assertThat(recorded.get(1).taxAmount()).isEqualByComparingTo("3.42");
        assertThat(recorded.get(1).endsOn()).as("the service period's last day").isEqualTo(LocalDate.parse("2026-12-20"));
        assertThat(recorded.stream().map(RevenueLine::extendedSellPrice).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("7.20");
    }

    @Test
    void accounts_and_payment_methods_carry_no_revenue() {
        on(EventType.ACCOUNT_OPENED, new EventPayload.AccountOpened("acc", "A-1", 7, "EUR", "DE", null));

        assertThat(recorded).isEmpty();
    }
}
