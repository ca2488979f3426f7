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

    /** Updates the charge's quantity from {@code date} on, as an UpdateProduct does. */
    private static void raiseQuantity(Model.Subscription s, int bcd, Model.Charge c, String quantity, LocalDate date) {
        Model.Charge before = c.snapshot();
        c.earlierSegments.add(before);
        c.segment++;
        c.effectiveStartDate = date;
        c.quantity = new BigDecimal(quantity);
        Billing.update(s, bcd, before, c, date);
    }

    @Test
    void a_quantity_raised_inside_a_billed_period_credits_the_old_and_charges_the_new_for_the_days_left() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, 1, LocalDate.of(2026, 1, 1), List.of());
        raiseQuantity(s, 1, seats, "5", LocalDate.of(2026, 1, 16));
        List<Model.InvoiceItem> items = Billing.billDue(s, 1, LocalDate.of(2026, 1, 16), List.of());
        // 16/31 = 0.516129032: -30 x f = -15.48, +50 x f = 25.81
        assertThat(items).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("-15.48"), new BigDecimal("25.81"));
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(seats.earlierSegments.get(0).effectiveEndDate).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(Billing.billDue(s, 1, LocalDate.of(2026, 2, 1), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("50.00"));
    }

    @Test
    void a_charge_ended_inside_a_billed_period_is_credited_for_the_days_left() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, 1, LocalDate.of(2026, 1, 1), List.of());
        Billing.end(s, 1, seats, LocalDate.of(2026, 1, 16));
        assertThat(Billing.billDue(s, 1, LocalDate.of(2026, 1, 16), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("-15.48")); // -30 x 16/31
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(Billing.billDue(s, 1, LocalDate.of(2026, 3, 1), List.of())).isEmpty();
    }

    @Test
    void a_change_from_the_charged_through_date_on_is_not_prorated_and_bills_the_new_quantity_from_then() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, 1, LocalDate.of(2026, 1, 1), List.of());
        raiseQuantity(s, 1, seats, "5", LocalDate.of(2026, 2, 1));
        assertThat(s.pendingItems).isEmpty();
        assertThat(Billing.billDue(s, 1, LocalDate.of(2026, 2, 1), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("50.00"));
    }

    @Test
    void a_change_after_the_charged_through_date_bills_the_old_segment_up_to_it() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 1, 1);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, 1, LocalDate.of(2026, 1, 1), List.of());
        raiseQuantity(s, 1, seats, "5", LocalDate.of(2026, 2, 15));
        // February: 14 days at 3 seats (14/28 of 30.00) and 14 days at 5 (14/28 of 50.00)
        assertThat(Billing.billDue(s, 1, LocalDate.of(2026, 2, 15), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("15.00"), new BigDecimal("25.00"));
    }

    @ParameterizedTest
    @CsvSource({
            // start, bill cycle day, first period end (exclusive), first amount of 30.00 a month
            "2026-11-21, 21, 2026-12-21, 30.00",
            "2026-11-11, 21, 2026-11-21, 9.68",    // 10 of the 31 days 10-21..11-21 = 0.322580645
            "2026-12-11, 21, 2026-12-21, 10.00",   // 10 of the 30 days 11-21..12-21 = 0.333333333
            "2026-11-25, 21, 2026-12-21, 26.00",   // 26 of 30 = 0.866666667
            "2026-01-15, 31, 2026-01-31, 15.48",   // 16 of the 31 days 12-31..01-31 = 0.516129032
            "2026-02-10, 31, 2026-02-28, 19.29",   // 18 of the 28 days 01-31..02-28 = 0.642857143
            "2028-02-08, 0, 2028-03-08, 30.00"})   // bill cycle day 0: the charge's own start day
    void monthly_periods_align_to_the_bill_cycle_day_and_the_first_partial_one_is_prorated(
            String start, int bcd, String end, String amount) {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.parse(start);
        List<Model.InvoiceItem> items = Billing.billDue(subscription(seats), bcd, LocalDate.parse(start), List.of());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).serviceEndDate()).isEqualTo(LocalDate.parse(end).minusDays(1));
        assertThat(items.get(0).amount()).isEqualByComparingTo(amount);
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.parse(end));
    }

    @Test
    void a_month_end_bill_cycle_day_clamps_in_short_months_and_comes_back_in_long_ones() {
        Model.Charge seats = charge("Recurring", "FlatFee", "10.00", null);
        seats.effectiveStartDate = LocalDate.of(2026, 1, 31);
        Model.Subscription s = subscription(seats);
        Billing.billDue(s, 31, LocalDate.of(2026, 3, 31), List.of());
        assertThat(seats.chargedThroughDate).isEqualTo(LocalDate.of(2026, 4, 30));
        List<Model.InvoiceItem> items = Billing.billDue(s, 31, LocalDate.of(2026, 4, 30), List.of());
        assertThat(items.get(0).serviceStartDate()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(items.get(0).serviceEndDate()).isEqualTo(LocalDate.of(2026, 5, 30));
    }

    @Test
    void an_annual_charge_aligns_to_the_bill_cycle_day_of_its_start_month() {
        Model.Charge annual = charge("Recurring", "FlatFee", "120.00", null);
        annual.billingPeriod = "Annual";
        annual.effectiveStartDate = LocalDate.of(2026, 11, 21);
        List<Model.InvoiceItem> items = Billing.billDue(subscription(annual), 21, LocalDate.of(2026, 11, 21), List.of());
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("120.00"));
        assertThat(annual.chargedThroughDate).isEqualTo(LocalDate.of(2027, 11, 21));
        // started the 25th with bill cycle day 21: a partial period up to 2026-12-21 (26 of 365 days), then years
        Model.Charge late = charge("Recurring", "FlatFee", "365.00", null);
        late.billingPeriod = "Annual";
        late.effectiveStartDate = LocalDate.of(2026, 11, 25);
        Model.Subscription s = subscription(late);
        assertThat(Billing.billDue(s, 21, LocalDate.of(2026, 11, 25), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("26.00"));
        assertThat(Billing.billDue(s, 21, LocalDate.of(2026, 12, 21), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("365.00"));
        assertThat(late.chargedThroughDate).isEqualTo(LocalDate.of(2027, 12, 21));
    }

    @Test
    void a_percentage_discount_of_a_prorated_item_is_prorated_and_a_credit_gets_its_discount_back() {
        Model.Charge seats = charge("Recurring", "PerUnit", "6.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 11, 21);
        Model.Charge discount = charge("Recurring", "DiscountPercentage", null, null);
        discount.discountPercentage = new BigDecimal("10");
        discount.effectiveStartDate = LocalDate.of(2026, 11, 21);
        discount.applyDiscountTo = "RECURRING";
        Model.Subscription s = subscription(seats, discount);
        assertThat(Billing.billDue(s, 21, LocalDate.of(2026, 11, 21), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("18.00"), new BigDecimal("-1.80"));
        raiseQuantity(s, 21, seats, "5", LocalDate.of(2026, 12, 1));
        // 20/30 = 0.666666667: -18.00 x f = -12.00 (+1.20 back), 30.00 x f = 20.00 (-2.00)
        List<Model.InvoiceItem> items = Billing.billDue(s, 21, LocalDate.of(2026, 12, 1), List.of());
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("-12.00"),
                new BigDecimal("20.00"), new BigDecimal("1.20"), new BigDecimal("-2.00"));
        assertThat(items).extracting(Model.InvoiceItem::processingType)
                .containsExactly("Charge", "Charge", "Discount", "Discount");
        // the discount removed with the charge: the credit still gets its discount back, nothing new is discounted
        Billing.end(s, 21, seats, LocalDate.of(2026, 12, 11));
        Billing.end(s, 21, discount, LocalDate.of(2026, 12, 11));
        assertThat(Billing.billDue(s, 21, LocalDate.of(2026, 12, 11), List.of())).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("-10.00"), new BigDecimal("1.00"));
    }

    @Test
    void a_discount_applies_only_to_the_charge_types_it_names() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "1");
        Model.Charge setup = charge("OneTime", "FlatFee", "50.00", null);
        Model.Charge discount = charge("Recurring", "DiscountPercentage", null, null);
        discount.discountPercentage = new BigDecimal("10");
        discount.applyDiscountTo = "RECURRING";
        List<Model.InvoiceItem> items = Billing.billDue(subscription(seats, setup, discount), LocalDate.of(2026, 1, 15));
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("10.00"),
                new BigDecimal("50.00"), new BigDecimal("-1.00"));
    }

    @Test
    void a_fixed_amount_discount_is_prorated_with_the_item_and_never_exceeds_it() {
        Model.Charge seats = charge("Recurring", "PerUnit", "10.00", "3");
        seats.effectiveStartDate = LocalDate.of(2026, 12, 11);
        Model.Charge discount = charge("Recurring", "DiscountFixedAmount", "6.00", null);
        discount.effectiveStartDate = LocalDate.of(2026, 12, 11);
        List<Model.InvoiceItem> items = Billing.billDue(subscription(seats, discount), 21, LocalDate.of(2026, 12, 11), List.of());
        // 10 of 30 days: 10.00 and -2.00
        assertThat(items).extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("10.00"), new BigDecimal("-2.00"));
        Model.Charge small = charge("Recurring", "FlatFee", "4.00", null);
        Model.Charge big = charge("Recurring", "DiscountFixedAmount", "6.00", null);
        assertThat(Billing.billDue(subscription(small, big), LocalDate.of(2026, 1, 15))).extracting(Model.InvoiceItem::amount)
                .containsExactly(new BigDecimal("4.00"), new BigDecimal("-4.00"));
    }

    @Test
    void amounts_round_to_the_currency_s_decimals() {
        Model.Charge yen = charge("Recurring", "PerUnit", "1000", "1");
        yen.currency = "JPY";
        yen.effectiveStartDate = LocalDate.of(2026, 12, 11);
        // 10/30 of 1000 = 333.333333 -> 333
        assertThat(Billing.billDue(subscription(yen), 21, LocalDate.of(2026, 12, 11), List.of()))
                .extracting(Model.InvoiceItem::amount).containsExactly(new BigDecimal("333"));
    }
}
