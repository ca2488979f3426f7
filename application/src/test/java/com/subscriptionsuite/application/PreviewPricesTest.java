package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.EngineTestSupport.NOVEMBER_2026;
import static com.subscriptionsuite.application.EngineTestSupport.engineWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.Item;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.TaxCustomerData;
import com.subscriptionsuite.domain.pricing.Amounts;
import com.subscriptionsuite.domain.pricing.PeriodPrice;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import com.subscriptionsuite.domain.tax.TaxReason;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PreviewPricesTest {
    final Engine engine = engineWith(NOVEMBER_2026, SampleTenants.full(1, "acme"), SampleTenants.minimal(2, "other"));

    Either<PreviewFailure, PricePreview> preview(String currency, TaxCustomerData customer, Item... items) {
        return engine.previewPrices().preview(new PreviewPricesQuery(1, currency, customer, List.of(items)));
    }

    static void assertAmounts(Amounts a, String netto, String tax, String brutto) {
        assertThat(a.netto().getAmount()).as("netto").isEqualByComparingTo(netto);
        assertThat(a.tax().getAmount()).as("tax").isEqualByComparingTo(tax);
        assertThat(a.brutto().getAmount()).as("brutto").isEqualByComparingTo(brutto);
    }

    @Nested
    class A_domestic_consumer {
        @Test
        void pays_german_vat_out_of_inclusive_prices_and_none_on_a_non_taxable_setup_fee() {
            // 401 → plan 201: base fee 9.99 incl. (tax 1.60), setup 19.00 not taxable, 2 screens × 2.50 incl. (tax 0.80)
            PricePreview p = preview(null, null, new Item(401, 2, 0)).get();
            assertThat(p.currency().getCode()).isEqualTo("EUR");
            assertThat(p.tax().reason()).isEqualTo(TaxReason.DOMESTIC);
            SuiteProductPrice sp = p.suiteProducts().get(0);
            assertThat(sp.prices()).extracting(PeriodPrice::billingPeriod).containsExactly("OneTime", "Month");
            assertAmounts(sp.prices().get(0).amounts(), "19.00", "0.00", "19.00");
            assertAmounts(sp.prices().get(1).amounts(), "12.59", "2.40", "14.99");
            assertAmounts(sp.ratePlans().get(0).charges().get(0).amounts(), "8.39", "1.60", "9.99");
            assertAmounts(sp.ratePlans().get(0).charges().get(2).amounts(), "4.20", "0.80", "5.00");
            assertThat(sp.ratePlans().get(0).id()).isEqualTo(201);
        }

        @Test
        void is_assumed_when_the_customer_gives_no_country() {
            PricePreview p = preview(null, new TaxCustomerData(null, null, false, null), new Item(401, 1, 0)).get();
            assertThat(p.tax().reason()).isEqualTo(TaxReason.DOMESTIC);
            assertThat(p.tax().taxCountry()).isEqualTo("DE");
        }
    }

    @Test
    void a_tax_decision_made_once_is_made_again_on_a_later_day_with_that_days_rate() {
        // Estonia's standard rate rose from 22 % to 24 % on 2025-07-01; the service keeps decisions per day
        com.subscriptionsuite.application.fixtures.MutableClock clock =
                new com.subscriptionsuite.application.fixtures.MutableClock(Instant.parse("2025-06-30T12:00:00Z"));
        Engine trimmed = engineWith(clock, SampleTenants.trimmed(1, "trim"));
        PreviewPricesQuery estonian = new PreviewPricesQuery(1, null, new TaxCustomerData("EE", "10111", false, null),
                List.of(new Item(401, 1, 0)));

        PricePreview first = trimmed.previewPrices().preview(estonian).get();
        PricePreview again = trimmed.previewPrices().preview(estonian).get();
        clock.advance(java.time.Duration.ofDays(1));
        PricePreview nextDay = trimmed.previewPrices().preview(estonian).get();

        assertThat(first.tax().reason()).isEqualTo(TaxReason.OSS_DESTINATION);
        assertThat(first.tax().rate()).isEqualByComparingTo("0.22");
        assertThat(again).isEqualTo(first);
        assertThat(nextDay.tax().rate()).isEqualByComparingTo("0.24");
        assertThat(nextDay.tax().explanation()).isEqualTo("Consumer in EE: EE VAT 24% charged via OSS");
    }

    @Test
    void a_consumer_in_france_pays_the_sellers_rate_when_the_tenant_applies_the_threshold() {
        PricePreview p = preview(null, new TaxCustomerData("FR", "75001", false, null), new Item(401, 1, 0)).get();
        assertThat(p.tax().reason()).isEqualTo(TaxReason.SELLER_RATE_BELOW_THRESHOLD);
        assertThat(p.tax().rate()).isEqualByComparingTo("0.19");
    }

    @Test
    void a_french_company_with_a_valid_vat_id_is_reverse_charged_and_inclusive_prices_stay_as_listed() {
        PricePreview p = preview(null, new TaxCustomerData("FR", "75001", true, "FR40303265045"),
                new Item(401, 1, 0)).get();
        assertThat(p.tax().reason()).isEqualTo(TaxReason.REVERSE_CHARGE);
        assertAmounts(p.suiteProducts().get(0).prices().get(1).amounts(), "12.49", "0.00", "12.49");
    }

    @Test
    void a_customer_in_the_united_states_pays_no_eu_vat() {
        PricePreview p = preview("USD", new TaxCustomerData("US", "10001", false, null), new Item(402, 12, 0))
                .get();
        assertThat(p.tax().reason()).isEqualTo(TaxReason.OUTSIDE_SCOPE);
        // seats: 10 × 33 + 2 × 28.125 = 386.25 a year; licences (volume, one tier) 12 × 4.6 = 55.20 every 3 months
        SuiteProductPrice sp = p.suiteProducts().get(0);
        assertThat(sp.prices()).extracting(PeriodPrice::billingPeriod).containsExactly("Annual", "Specific_Months_3");
        assertAmounts(sp.prices().get(0).amounts(), "386.25", "0.00", "386.25");
        assertAmounts(sp.prices().get(1).amounts(), "55.20", "0.00", "55.20");
    }

    @Test
    void usage_charges_are_listed_with_unrounded_unit_prices_outside_the_totals() {
        SuiteProductPrice sp = preview(null, null, new Item(402, 1, 0)).get().suiteProducts().get(0);
        var usage = sp.ratePlans().get(0).charges().get(2);
        assertThat(usage.usage()).isTrue();
        assertThat(usage.unitPrice().getAmount()).isEqualByComparingTo("0.015");
        assertThat(sp.prices()).extracting(PeriodPrice::billingPeriod).doesNotContain("Month");
    }

    @Test
    void the_cart_comes_back_in_order_pos_order() {
        PricePreview p = preview(null, null, new Item(401, 1, 7), new Item(403, 2, 3)).get();
        assertThat(p.suiteProducts()).extracting(SuiteProductPrice::id).containsExactly(403L, 401L);
    }

    @Test
    void a_lower_case_currency_is_accepted() {
        assertThat(preview("usd", null, new Item(401, 1, 0)).get().currency().getCode()).isEqualTo("USD");
    }

    @Nested
    class Refuses {
        @Test
        void an_empty_cart() {
            assertThat(preview(null, null).getLeft()).isInstanceOf(PreviewFailure.EmptyCart.class);
        }

        @Test
        void a_currency_the_shop_does_not_sell_in() {
            PreviewFailure f = preview("GBP", null, new Item(401, 1, 0)).getLeft();
            assertThat(f.code()).isEqualTo("currency_not_offered");
            assertThat(f.field()).isEqualTo("currency");
        }

        @Test
        void an_unknown_suite_product_naming_its_position() {
            PreviewFailure f = preview(null, null, new Item(401, 1, 0), new Item(999, 1, 1)).getLeft();
            assertThat(f.code()).isEqualTo("suite_product_not_found");
            assertThat(f.field()).isEqualTo("suite_products[1].id");
        }

        @Test
        void another_tenants_suite_product() {
            Either<PreviewFailure, PricePreview> r = engine.previewPrices().preview(
                    new PreviewPricesQuery(2, null, null, List.of(new Item(402, 1, 0))));
            assertThat(r.getLeft().code()).isEqualTo("suite_product_not_found");
        }

        @Test
        void a_quantity_of_zero_or_less() {
            PreviewFailure f = preview(null, null, new Item(401, 0, 0)).getLeft();
            assertThat(f.code()).isEqualTo("quantity_out_of_range");
            assertThat(f.field()).isEqualTo("suite_products[0].quantity");
            assertThat(preview(null, null, new Item(401, -3, 0)).getLeft().code()).isEqualTo("quantity_out_of_range");
        }

        @Test
        void a_quantity_above_a_charges_maximum() {
            PreviewFailure f = preview(null, null, new Item(401, 11, 0)).getLeft();
            assertThat(f.code()).isEqualTo("quantity_out_of_range");
            assertThat(f.message()).contains("at most 10").contains("303");
        }

        @Test
        void a_suite_product_not_priced_in_the_currency() {
            Engine euroOnly = engineWith(NOVEMBER_2026, SampleTenants.euroPricesDollarShop(5, "euro"));
            PreviewFailure f = euroOnly.previewPrices().preview(new PreviewPricesQuery(5, "USD", null,
                    List.of(new Item(401, 1, 0)))).getLeft();
            assertThat(f.code()).isEqualTo("not_priced_in_currency");
            assertThat(f.field()).isEqualTo("suite_products[0].id");
        }

        @Test
        void two_items_at_the_same_position() {
            PreviewFailure f = preview(null, null, new Item(401, 1, 0), new Item(403, 1, 0)).getLeft();
            assertThat(f.code()).isEqualTo("order_pos_duplicate");
            assertThat(f.field()).isEqualTo("suite_products[1].order_pos");
        }

        @Test
        void a_suite_product_after_its_effective_end_date() {
            Clock later = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
            Engine afterEnd = engineWith(later, SampleTenants.full(1, "acme"));
            assertThat(afterEnd.previewPrices().preview(new PreviewPricesQuery(1, null, null,
                    List.of(new Item(401, 1, 0)))).getLeft().code()).isEqualTo("suite_product_not_found");
        }
    }
}
