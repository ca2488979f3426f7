package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingTest {

    private static Model.Charge charge(String type, String model, String price, String quantity) {
        Model.Charge c = new Model.Charge();
        c.id = Ids.newId();
        c.number = "C-1";
        c.name = model;
        c.type = type;
        c.model = model;
        c.billingPeriod = "Month";
        c.billingTiming = "IN_ADVANCE";
        c.price = price == null ? null : new BigDecimal(price);
        c.quantity = quantity == null ? null : new BigDecimal(quantity);
        c.effectiveStartDate = LocalDate.of(2026, 1, 15);
        return c;
    }

    private static Model.Subscription subscription(Model.Charge... charges) {
        Model.Subscription s = new Model.Subscription();
        s.number = "A-S1";
        Model.RatePlan rp = new Model.RatePlan();
        rp.charges.addAll(List.of(charges));
        s.ratePlans.add(rp);
        return s;
    }

    @ParameterizedTest
    @CsvSource({"PerUnit, 10.00, 3, 30.00", "FlatFee, 20.00, , 20.00", "PerUnit, 9.99, 0, 0.00"})
    void prices_one_period(String model, String price, String quantity, String expected) {
        assertThat(Billing.amount(charge("Recurring", model, price, quantity))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"5, 5.00", "10, 10.00", "14, 12.00"})
    void tiered_prices_each_tier_at_its_price(String quantity, String expected) {
        Model.Charge c = charge("Recurring", "Tiered", null, quantity);
        c.tiers = List.of(new Catalog.Tier(1, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.00"), "PerUnit"),
                new Catalog.Tier(2, new BigDecimal("11"), null, new BigDecimal("0.50"), "PerUnit"));
        assertThat(Billing.amount(c)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"5, 5.00", "14, 7.00"})
    void volume_prices_all_units_at_the_tier_holding_the_quantity(String quantity, String expected) {
        Model.Charge c = charge("Recurring", "Volume", null, quantity);
        c.tiers = List.of(new Catalog.Tier(1, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.00"), "PerUnit"),
                new Catalog.Tier(2, new BigDecimal("11"), null, new BigDecimal("0.50"), "PerUnit"));
        assertThat(Billing.amount(c)).isEqualByComparingTo(expected);
    }

    @Test
    void a_new_subscription_is_billed_its_first_period_in_advance_and_its_one_time_charges() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        Model.Charge setup = charge("OneTime", "FlatFee", "50.00", null);
        List<Model.InvoiceItem> items = Billing.billDue(subscription(seats, setup), LocalDate.of(2026, 1, 15));
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("30.00"), new BigDecimal("50.00"));
        assertThat(items.get(0).serviceStartDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(items.get(0).serviceEndDate()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void billing_again_for_the_same_date_bills_nothing_and_a_later_date_the_next_period() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "1");
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, LocalDate.of(2026, 1, 15));
        assertThat(Billing.billDue(s, LocalDate.of(2026, 1, 20))).isEmpty();
        assertThat(Billing.billDue(s, LocalDate.of(2026, 2, 15))).hasSize(1);
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void a_discount_percentage_reduces_the_other_items_of_the_subscription() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        Model.Charge discount = charge("Recurring", "DiscountPercentage", null, null);
        discount.discountPercentage = new BigDecimal("10");
        List<Model.InvoiceItem> items = Billing.billDue(subscription(seats, discount), LocalDate.of(2026, 1, 15));
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("30.00"), new BigDecimal("-3.00"));
    }

    @Test
    void in_arrears_charges_wait_for_the_end_of_their_period() {
        Model.Charge support = charge("Recurring", "FlatFee", "20.00", null);
        support.billingTiming = "IN_ARREARS";
        Model.Subscription s = subscription(support);
        assertThat(Billing.billDue(s, LocalDate.of(2026, 1, 15))).isEmpty();
        assertThat(Billing.billDue(s, LocalDate.of(2026, 2, 15))).hasSize(1);
    }

    @Test
    void an_annual_charge_covers_a_year() {
        assertThat(Billing.periodEnd(LocalDate.of(2026, 1, 31), "Annual")).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(Billing.periodEnd(LocalDate.of(2026, 1, 31), "Month")).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void a_quantity_raised_inside_a_billed_period_is_prorated_by_day() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, LocalDate.of(2026, 1, 1));
        BigDecimal before = Billing.amount(seats);
        seats.quantity = new BigDecimal("5");
        Billing.prorate(s, seats, before, LocalDate.of(2026, 1, 16), false);
        List<Model.InvoiceItem> items = Billing.billDue(s, LocalDate.of(2026, 1, 16));
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("10.32")); // 20 x 16/31
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void a_charge_ended_inside_a_billed_period_is_credited_for_the_days_left() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, LocalDate.of(2026, 1, 1));
        Billing.prorate(s, seats, Billing.amount(seats), LocalDate.of(2026, 1, 16), true);
        seats.effectiveEndDate = LocalDate.of(2026, 1, 16);
        assertThat(Billing.billDue(s, LocalDate.of(2026, 1, 16))).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("-15.48")); // -30 x 16/31
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 1, 16));
    }

    @Test
    void a_change_from_the_charged_through_date_on_is_not_prorated() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, LocalDate.of(2026, 1, 1));
        Billing.prorate(s, seats, new BigDecimal("10.00"), LocalDate.of(2026, 2, 1), false);
        assertThat(s.pendingItems).isEmpty();
    }
}
