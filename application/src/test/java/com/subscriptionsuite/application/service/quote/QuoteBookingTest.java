package com.subscriptionsuite.application.service.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.catalog.Catalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quote translated into the checkout's items and account, by Zuora ids, against the sample catalog. */
class QuoteBookingTest {
    private static final Catalog CATALOG = SampleTenants.full(1, "acme").catalog();
    private static final LocalDate TODAY = LocalDate.parse("2025-06-15");
    private static final String BASIC = "8a8082c45f9f3c1b015fa0a1b2c30201";
    private static final String BASE_FEE = "8a8082c45f9f3c1b015fa0a1b2c30301";
    private static final String SCREENS = "8a8082c45f9f3c1b015fa0a1b2c30303";

    private static SourceQuote.Charge charge(String id, String quantity, String price) {
        return new SourceQuote.Charge(id, quantity == null ? null : new BigDecimal(quantity),
                price == null ? null : new BigDecimal(price));
    }

    private static SourceQuote quote(String currency, SourceQuote.RatePlan... plans) {
        SourceQuote.Contact ann = new SourceQuote.Contact("Ann", "Smith", "Main St 1", null, "Berlin", null, null,
                "10115", "DE", null, "ann@example.com", "+49 30 1", null);
        return new SourceQuote("q1", "n", "Q-1", currency, TODAY, TODAY, "12", null, null, SourceQuote.Status.OPEN,
                "open", ann, ann, List.of(plans));
    }

    private static SourceQuote.RatePlan plan(String id, SourceQuote.Charge... charges) {
        return new SourceQuote.RatePlan(id, "NewProduct", List.of(charges));
    }

    @Test
    void maps_a_rate_plan_to_the_suite_product_that_sells_it_with_the_per_unit_quantity() {
        var items = QuoteBooking.items(quote("EUR", plan(BASIC, charge(BASE_FEE, "1", "9.99"),
                charge(SCREENS, "4", "2.5"))), CATALOG, TODAY);

        assertThat(items.get()).containsExactly(new Checkout.Item(401, 4, 0, null));
    }

    @Test
    void a_rate_plan_or_charge_the_catalog_lacks_is_named() {
        var plan = QuoteBooking.items(quote("EUR", plan("nope", charge(BASE_FEE, "1", null))), CATALOG, TODAY);
        var charge = QuoteBooking.items(quote("EUR", plan(BASIC, charge(BASE_FEE, "1", null),
                charge("8a8082c45f9f3c1b015fa0a1b2c30304", "1", null))), CATALOG, TODAY);

        assertThat(plan.getLeft()).isEqualTo(new QuoteFailure.QuoteItemUnknown("rate_plans[0].id", "nope"));
        assertThat(charge.getLeft()).isEqualTo(new QuoteFailure.QuoteItemUnknown("rate_plans[0].charges[1].id",
                "8a8082c45f9f3c1b015fa0a1b2c30304"));
    }

    @Test
    void a_price_other_than_the_catalogs_a_missing_charge_and_two_quantities_cannot_be_booked() {
        var price = QuoteBooking.items(quote("EUR", plan(BASIC, charge(BASE_FEE, "1", "8.99"),
                charge(SCREENS, "4", null))), CATALOG, TODAY);
        var missing = QuoteBooking.items(quote("EUR", plan(BASIC, charge(BASE_FEE, "1", null))), CATALOG, TODAY);
        var fraction = QuoteBooking.items(quote("EUR", plan(BASIC, charge(BASE_FEE, "1", null),
                charge(SCREENS, "2.5", null))), CATALOG, TODAY);

        assertThat(price.getLeft()).isInstanceOfSatisfying(QuoteFailure.QuoteNotBookable.class,
                f -> assertThat(f.field()).isEqualTo("rate_plans[0].charges[0].price"));
        assertThat(missing.getLeft()).isInstanceOfSatisfying(QuoteFailure.QuoteNotBookable.class,
                f -> assertThat(f.message()).contains(SCREENS));
        assertThat(fraction.getLeft()).isInstanceOf(QuoteFailure.QuoteNotBookable.class);
    }

    @Test
    void a_rate_plan_that_amends_an_existing_subscription_is_not_booked_as_a_new_one() {
        var amendment = QuoteBooking.items(quote("EUR", new SourceQuote.RatePlan(BASIC, "UpdateProduct", List.of(
                charge(BASE_FEE, "1", null), charge(SCREENS, "1", null)))), CATALOG, TODAY);

        assertThat(amendment.getLeft()).isInstanceOfSatisfying(QuoteFailure.QuoteNotBookable.class,
                f -> assertThat(f.field()).isEqualTo("rate_plans[0].type"));
    }

    @Test
    void the_same_price_written_otherwise_is_the_catalogs_price_and_usd_is_compared_in_usd() {
        var items = QuoteBooking.items(quote("USD", plan(BASIC, charge(BASE_FEE, "1", "10.990"),
                charge(SCREENS, "2", "2.75"))), CATALOG, TODAY);

        assertThat(items.isRight()).isTrue();
    }

    @Test
    void the_account_is_the_sold_to_contact_with_the_bill_to_as_billing_address_when_it_differs() {
        SourceQuote.Contact sold = new SourceQuote.Contact("Ann", "Smith", "Main St 1", "Floor 2", "Berlin", null,
                null, "10115", "DE", null, "ann@example.com", "+49 30 1", null);
        SourceQuote.Contact bill = new SourceQuote.Contact("Bea", "Payer", "Pay St 9", null, "Vienna", null, null,
                "1010", "AT", null, "pay@example.com", "+43 1 2", null);
        SourceQuote quote = new SourceQuote("q1", "n", "Q-1", "EUR", TODAY, TODAY, "12", "ATU13585627", "ACME GmbH",
                SourceQuote.Status.OPEN, "open", bill, sold, List.of());

        AccountDetails account = QuoteBooking.account(quote);

        assertThat(account.company()).isTrue();
        assertThat(account.companyName()).isEqualTo("ACME GmbH");
        assertThat(account.firstName()).isEqualTo("Ann");
        assertThat(account.additionalInfo()).isEqualTo("Floor 2");
        assertThat(account.hasBillingAddress()).isTrue();
        assertThat(account.billingCountry()).isEqualTo("AT");
        assertThat(account.taxCountry()).isEqualTo("AT");
        assertThat(account.vatId()).isEqualTo("ATU13585627");
        assertThat(account.currency()).isEqualTo("EUR");
        assertThat(QuoteBooking.account(new SourceQuote("q1", null, null, "EUR", TODAY, null, null, null, null,
                SourceQuote.Status.OPEN, "open", sold, sold, List.of())).hasBillingAddress()).isFalse();
    }
}
