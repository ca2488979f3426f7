package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.cart;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.in.billing.RunBilling.BillingRun;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class BillingRunTest {
    /** Subscribed on the 31st of January, so the bill cycle day is the 31st. */
    final BillingTestEngine t = new BillingTestEngine(Instant.parse("2025-01-31T09:00:00Z"));
    final long ann = t.customer(1);

    void moveTo(String day) {
        Instant target = LocalDate.parse(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        t.clock.advance(Duration.between(t.clock.instant(), target));
    }

    List<String> lines(Invoice invoice) {
        return invoice.lines().stream().map(l -> l.subscriptionNumber() + " " + l.chargeId() + " " + l.serviceStart()
                + ".." + l.serviceEnd() + " " + l.amounts().brutto().getAmount()).toList();
    }

    Invoice newest() {
        return t.engine.readInvoices().invoices(1, ann).get().get(0);
    }

    @Test
    void bills_each_month_on_its_last_day_when_shorter_than_the_31st_once_a_day() {
        t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 2, 1))).get();

        moveTo("2025-02-27");
        BillingRun early = t.billRun().bill(1);
        moveTo("2025-02-28");
        BillingRun february = t.billRun().bill(1);
        Invoice feb = newest();
        BillingRun again = t.billRun().bill(1);

        assertThat(early.invoiceIds()).isEmpty();
        assertThat(february.day()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(february.subscriptions()).isEqualTo(1);
        assertThat(february.invoiceIds()).containsExactly(feb.id());
        assertThat(lines(feb)).containsExactly("S00000001 301 2025-02-28..2025-03-31 9.99",
                "S00000001 303 2025-02-28..2025-03-31 5.00");
        assertThat(feb.total().brutto()).isEqualTo(Money.parse("EUR 14.99"));
        assertThat(feb.invoiceDate()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(feb.dueDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(again.invoiceIds()).isEmpty();
        assertThat(again.subscriptions()).isZero();

        moveTo("2025-03-31");
        t.billRun().bill(1);
        assertThat(lines(newest())).containsExactly("S00000001 301 2025-03-31..2025-04-30 9.99",
                "S00000001 303 2025-03-31..2025-04-30 5.00");
        assertThat(t.engine.readInvoices().invoices(1, ann).get()).hasSize(3);
    }

    @Test
    void raises_one_invoice_per_account_with_the_lines_of_every_subscription_due() {
        t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 1, 1), item(402, 5, 2))).get();
        long bob = t.customer(1);
        t.engine.checkout().subscribe(cart(1, bob, berliner(null), item(401, 1, 1))).get();

        moveTo("2025-04-30");
        BillingRun run = t.billRun().bill(1);

        // basic is billed for March and April; premium's licences, in arrears, for the quarter that ended
        assertThat(run.invoiceIds()).hasSize(2);
        assertThat(lines(newest())).containsExactly(
                "S00000001 301 2025-02-28..2025-03-31 9.99",
                "S00000001 303 2025-02-28..2025-03-31 2.50",
                "S00000001 301 2025-03-31..2025-04-30 9.99",
                "S00000001 303 2025-03-31..2025-04-30 2.50",
                "S00000001 301 2025-04-30..2025-05-31 9.99",
                "S00000001 303 2025-04-30..2025-05-31 2.50",
                "S00000002 305 2025-01-31..2025-04-30 24.99");
        assertThat(t.engine.readInvoices().invoices(1, bob).get()).hasSize(2);
    }

    @Test
    void stops_billing_at_a_booked_cancel() {
        t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 1, 1))).get();
        Subscription s = t.billing.subscriptions(1, t.billing.accountOfUser(1, ann).get().id()).get(0);
        t.billing.saveSubscription(s.amended(s.charges(), s.chargedThroughDate(), LocalDate.of(2025, 3, 31)));

        moveTo("2025-02-28");
        BillingRun february = t.billRun().bill(1);
        moveTo("2025-03-31");
        BillingRun march = t.billRun().bill(1);
        moveTo("2025-06-30");
        BillingRun june = t.billRun().bill(1);

        assertThat(february.invoiceIds()).hasSize(1);
        assertThat(march.invoiceIds()).isEmpty();
        assertThat(june.invoiceIds()).isEmpty();
        assertThat(t.billing.subscriptions(1, s.accountId()).get(0).chargedThroughDate())
                .isEqualTo(LocalDate.of(2025, 3, 31));
    }
}
