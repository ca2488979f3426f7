package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Amounts are checked against values computed by hand from the sample tenant (seller in DE,
 * 19 % VAT; the EU threshold applies to acme, not to trim) on 2025-06-15.
 */
class PreviewPricesIT {
    private final Http acme = TestServer.tenant("acme");

    private static final String BASIC_TIMES_TWO = """
            {"suite_products": [{"id": 401, "quantity": 2, "order_pos": 1}]}""";

    @Nested
    class DomesticConsumer {
        @Test
        void prices_the_flat_fee_monthly_charge_with_19_percent_german_vat_included() {
            JsonNode baseFee = charge(acme.post("/subscription/preview", BASIC_TIMES_TWO).ok().get(0), 0, 301);

            // 9.99 gross: tax = 9.99 × 0.19 / 1.19 = 1.5950… → 1.60, net 8.39
            assertThat(baseFee.path("quantity").asInt()).isEqualTo(1);
            assertThat(baseFee.path("billing_period").asText()).isEqualTo("Month");
            assertAmounts(baseFee.path("prices"), "8.39", "1.60", "9.99");
            assertThat(baseFee.path("prices").path("is_discounted").asBoolean()).isFalse();
            assertThat(baseFee.has("is_usage")).isFalse();
        }

        @Test
        void prices_a_tax_inclusive_per_unit_charge_by_quantity() {
            JsonNode screens = charge(acme.post("/subscription/preview", BASIC_TIMES_TWO).ok().get(0), 0, 303);

            // 2 × 2.50 = 5.00 gross: tax = 5.00 × 0.19 / 1.19 = 0.7983… → 0.80, net 4.20
            assertThat(screens.path("quantity").asInt()).isEqualTo(2);
            assertAmounts(screens.path("prices"), "4.20", "0.80", "5.00");
        }

        @Test
        void charges_no_tax_on_a_non_taxable_one_time_charge() {
            JsonNode setup = charge(acme.post("/subscription/preview", BASIC_TIMES_TWO).ok().get(0), 0, 302);

            assertThat(setup.path("billing_period").asText()).isEqualTo("OneTime");
            assertAmounts(setup.path("prices"), "19.00", "0.00", "19.00");
        }

        @Test
        void sums_the_charges_per_billing_period_at_rate_plan_and_suite_product_level() {
            JsonNode basic = acme.post("/subscription/preview", BASIC_TIMES_TWO).ok().get(0);

            // Month: 8.39 + 4.20 = 12.59 net, 1.60 + 0.80 = 2.40 tax, 9.99 + 5.00 = 14.99 gross
            for (JsonNode prices : new JsonNode[] {basic.path("prices"), basic.path("rate_plans").get(0).path("prices")}) {
                assertThat(prices).hasSize(2);
                assertThat(prices.get(0).path("billing_period").asText()).isEqualTo("OneTime");
                assertAmounts(prices.get(0), "19.00", "0.00", "19.00");
                assertThat(prices.get(1).path("billing_period").asText()).isEqualTo("Month");
                assertAmounts(prices.get(1), "12.59", "2.40", "14.99");
            }
            assertTotalsAddUp(basic);
        }

        @Test
        void says_which_vat_applied_and_why() {
            JsonNode basic = acme.post("/subscription/preview", BASIC_TIMES_TWO).ok().get(0);

            assertThat(basic.path("currency").asText()).isEqualTo("EUR");
            assertThat(basic.path("tax").path("country").asText()).isEqualTo("DE");
            assertThat(basic.path("tax").path("rate").decimalValue()).isEqualByComparingTo("19");
            assertThat(basic.path("tax").path("reason").asText()).isEqualTo("domestic");
            assertThat(basic.path("tax").path("explanation").asText()).contains("DE VAT 19%");
        }

        @Test
        void writes_money_plainly_at_the_currency_scale() {
            String body = acme.post("/subscription/preview", BASIC_TIMES_TWO).body();
            String usage = acme.post("/subscription/preview", """
                    {"suite_products": [{"id": 402, "quantity": 5, "order_pos": 0}]}""").body();

            assertThat(usage).contains("\"unit_price\":0.015}").contains("\"unit_price\":0.10}")
                    .contains("\"netto\":150.00,").doesNotContain("E+").doesNotContain("E-");
            assertThat(body).contains("\"netto\":19.00,").contains("\"tax\":0.00,").contains("\"netto\":8.39,")
                    .contains("\"brutto\":14.99,").contains("\"rate\":19,").doesNotContain("E+").doesNotContain("E-");
        }

        @Test
        void prices_tax_exclusive_tiered_and_volume_charges_and_lists_usage_charges_apart() {
            JsonNode premium = acme.post("/subscription/preview", """
                    {"suite_products": [{"id": 402, "quantity": 5, "order_pos": 0}],
                     "account": {"country": "DE", "zip_code": "10115"}}""").ok().get(0);

            // seats: 5 × 30 = 150.00 net, 28.50 tax; licences (volume, ≤ 100): 5 × 4.2 = 21.00 net, 3.99 tax
            assertAmounts(charge(premium, 0, 304).path("prices"), "150.00", "28.50", "178.50");
            assertAmounts(charge(premium, 0, 305).path("prices"), "21.00", "3.99", "24.99");
            assertThat(charge(premium, 0, 305).path("billing_period").asText()).isEqualTo("Specific_Months_3");
            JsonNode hours = charge(premium, 0, 306);
            assertThat(hours.path("is_usage").asBoolean()).isTrue();
            assertThat(hours.path("unit_price").decimalValue()).isEqualByComparingTo("0.015");
            assertAmounts(hours.path("prices"), "0.00", "0.00", "0.00");
            assertThat(charge(premium, 0, 307).path("unit_price").decimalValue()).isEqualByComparingTo("0.10");
            JsonNode prices = premium.path("prices");
            assertThat(prices).hasSize(2);
            assertThat(prices.get(0).path("billing_period").asText()).isEqualTo("Annual");
            assertAmounts(prices.get(0), "150.00", "28.50", "178.50");
            assertThat(prices.get(1).path("billing_period").asText()).isEqualTo("Specific_Months_3");
            assertAmounts(prices.get(1), "21.00", "3.99", "24.99");
            assertTotalsAddUp(premium);
        }
    }

    @Nested
    class CustomersAbroad {
        @Test
        void charges_no_vat_to_a_french_company_with_a_valid_vat_id() {
            JsonNode basic = acme.post("/subscription/preview", """
                    {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}],
                     "account": {"is_company": true, "company_name": "Exemple SARL", "country": "FR",
                                 "zip_code": "75001", "vat_id": "FR40303265045"}}""").ok().get(0);

            assertThat(basic.path("tax").path("reason").asText()).isEqualTo("reverse_charge");
            assertThat(basic.path("tax").path("country").asText()).isEqualTo("FR");
            assertThat(basic.path("tax").path("rate").decimalValue()).isEqualByComparingTo("0");
            // 9.99 + 2.50, gross = net when no VAT is charged
            assertAmounts(basic.path("prices").get(1), "12.49", "0.00", "12.49");
            assertAmounts(charge(basic, 0, 301).path("prices"), "9.99", "0.00", "9.99");
            assertTotalsAddUp(basic);
        }

        @Test
        void charges_the_sellers_rate_to_a_french_consumer_below_the_eu_threshold() {
            JsonNode basic = acme.post("/subscription/preview", """
                    {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}],
                     "account": {"is_company": false, "country": "FR", "zip_code": "75001"}}""").ok().get(0);

            assertThat(basic.path("tax").path("reason").asText()).isEqualTo("seller_rate_below_threshold");
            assertThat(basic.path("tax").path("rate").decimalValue()).isEqualByComparingTo("19");
        }

        @Test
        void charges_no_eu_vat_to_a_us_customer_in_the_accounts_currency() {
            Reply reply = acme.post("/subscription/preview", """
                    {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}],
                     "account": {"country": "US", "zip_code": "10001", "currency": "USD"}}""");
            JsonNode basic = reply.ok().get(0);

            assertThat(basic.path("currency").asText()).isEqualTo("USD");
            assertThat(basic.path("tax").path("reason").asText()).isEqualTo("outside_scope");
            assertThat(basic.path("tax").path("country").asText()).isEqualTo("US");
            // USD: base fee 10.99 + screen 2.75 = 13.74 monthly, setup 21.50
            assertAmounts(basic.path("prices").get(0), "21.50", "0.00", "21.50");
            assertAmounts(basic.path("prices").get(1), "13.74", "0.00", "13.74");
            assertThat(reply.body()).contains("\"netto\":21.50,");
            assertTotalsAddUp(basic);
        }

        @Test
        void charges_the_customers_rate_via_oss_when_the_seller_does_not_apply_the_threshold() {
            Reply reply = TestServer.tenant("trim").post("/subscription/preview", """
                    {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}],
                     "account": {"country": "FI", "zip_code": "00100"}}""");
            JsonNode basic = reply.ok().get(0);

            // 9.99 gross at 25.5 %: tax = 9.99 × 0.255 / 1.255 = 2.0298… → 2.03, net 7.96
            assertThat(basic.path("tax").path("reason").asText()).isEqualTo("oss_destination");
            assertThat(reply.body()).contains("\"rate\":25.5,");
            assertAmounts(basic.path("prices").get(0), "7.96", "2.03", "9.99");
        }
    }

    @Nested
    class Cart {
        @Test
        void answers_in_order_pos_order_with_each_suite_product_summed_on_its_own() {
            JsonNode cart = acme.post("/subscription/preview", """
                    {"suite_products": [{"id": 401, "quantity": 2, "order_pos": 2},
                                        {"id": 403, "quantity": 3, "order_pos": 1}]}""").ok();

            assertThat(cart).hasSize(2);
            JsonNode storage = cart.get(0);
            assertThat(storage.path("id").asLong()).isEqualTo(403);
            assertThat(storage.path("order_pos").asInt()).isEqualTo(1);
            assertThat(storage.path("quantity").asLong()).isEqualTo(3);
            assertThat(storage.path("rate_plans").get(0).path("id").asLong()).isEqualTo(203);
            // 3 × 4.99 = 14.97 gross: tax = 14.97 × 0.19 / 1.19 = 2.3901… → 2.39, net 12.58
            assertAmounts(storage.path("prices").get(0), "12.58", "2.39", "14.97");
            assertThat(cart.get(1).path("id").asLong()).isEqualTo(401);
            assertAmounts(cart.get(1).path("prices").get(1), "12.59", "2.40", "14.99");
            cart.forEach(PreviewPricesIT::assertTotalsAddUp);
        }

        @Test
        void uses_the_bodys_currency_before_the_accounts() {
            JsonNode basic = acme.post("/subscription/preview", """
                    {"currency": "EUR", "account": {"currency": "USD"},
                     "suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""").ok().get(0);

            assertThat(basic.path("currency").asText()).isEqualTo("EUR");
        }

        @Test
        void reads_an_empty_account_currency_as_none_as_the_checkout_does() {
            JsonNode basic = acme.post("/subscription/preview", """
                    {"account": {"currency": " "}, "suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""")
                    .ok().get(0);

            assertThat(basic.path("currency").asText()).isEqualTo("EUR");
        }
    }

    private static JsonNode charge(JsonNode suiteProduct, int ratePlan, long chargeId) {
        for (JsonNode c : suiteProduct.path("rate_plans").get(ratePlan).path("charges")) {
            if (c.path("id").asLong() == chargeId) {
                return c;
            }
        }
        throw new AssertionError("no charge " + chargeId + " in " + suiteProduct);
    }

    private static void assertAmounts(JsonNode prices, String netto, String tax, String brutto) {
        assertThat(prices.path("netto").decimalValue()).as("netto").isEqualByComparingTo(netto);
        assertThat(prices.path("tax").decimalValue()).as("tax").isEqualByComparingTo(tax);
        assertThat(prices.path("brutto").decimalValue()).as("brutto").isEqualByComparingTo(brutto);
        assertThat(prices.path("original_netto").decimalValue()).as("original_netto").isEqualByComparingTo(netto);
        assertThat(prices.path("original_tax").decimalValue()).as("original_tax").isEqualByComparingTo(tax);
        assertThat(prices.path("original_brutto").decimalValue()).as("original_brutto").isEqualByComparingTo(brutto);
    }

    /** Charges (but usage ones) add up to their rate plan per period, rate plans to the suite product. */
    static void assertTotalsAddUp(JsonNode suiteProduct) {
        Map<String, BigDecimal[]> fromPlans = new LinkedHashMap<>();
        for (JsonNode plan : suiteProduct.path("rate_plans")) {
            Map<String, BigDecimal[]> fromCharges = new LinkedHashMap<>();
            for (JsonNode charge : plan.path("charges")) {
                if (!charge.path("is_usage").asBoolean(false)) {
                    add(fromCharges, charge.path("billing_period").asText(), charge.path("prices"));
                }
            }
            assertSame(fromCharges, plan.path("prices"), "rate plan " + plan.path("id"));
            plan.path("prices").forEach(p -> add(fromPlans, p.path("billing_period").asText(), p));
        }
        assertSame(fromPlans, suiteProduct.path("prices"), "suite product " + suiteProduct.path("id"));
        for (JsonNode p : suiteProduct.path("prices")) {
            assertThat(p.path("netto").decimalValue().add(p.path("tax").decimalValue()))
                    .isEqualByComparingTo(p.path("brutto").decimalValue());
        }
    }

    private static void add(Map<String, BigDecimal[]> sums, String period, JsonNode amounts) {
        BigDecimal[] sum = sums.computeIfAbsent(period, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO});
        sum[0] = sum[0].add(amounts.path("netto").decimalValue());
        sum[1] = sum[1].add(amounts.path("tax").decimalValue());
        sum[2] = sum[2].add(amounts.path("brutto").decimalValue());
    }

    private static void assertSame(Map<String, BigDecimal[]> sums, JsonNode prices, String what) {
        assertThat(prices).as("periods of %s", what).hasSize(sums.size());
        for (JsonNode p : prices) {
            BigDecimal[] sum = sums.get(p.path("billing_period").asText());
            assertThat(sum).as("%s has period %s", what, p.path("billing_period")).isNotNull();
            assertThat(p.path("netto").decimalValue()).as("%s netto", what).isEqualByComparingTo(sum[0]);
            assertThat(p.path("tax").decimalValue()).as("%s tax", what).isEqualByComparingTo(sum[1]);
            assertThat(p.path("brutto").decimalValue()).as("%s brutto", what).isEqualByComparingTo(sum[2]);
        }
    }
}
