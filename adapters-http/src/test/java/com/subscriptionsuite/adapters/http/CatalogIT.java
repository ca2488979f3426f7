package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.domain.catalog.Tier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CatalogIT {
    private final Http acme = TestServer.tenant("acme");

    @Nested
    class Products {
        @Test
        void lists_every_product_of_the_tenant_with_the_seed_fields() {
            JsonNode products = acme.get("/product").ok();

            assertThat(products).hasSize(3);
            JsonNode streaming = products.get(0);
            assertThat(streaming.path("id").asLong()).isEqualTo(101);
            assertThat(streaming.path("zuora_id").asText()).isEqualTo("8a8082c45f9f3c1b015fa0a1b2c30101");
            assertThat(streaming.path("name").asText()).isEqualTo("Streaming acme");
            assertThat(streaming.path("description").asText()).isEqualTo("Films and series");
            assertThat(streaming.path("feature_list").asText()).isEqualTo("<ul><li>HD</li><li>4 screens</li></ul>");
            assertThat(streaming.path("highlight").asText()).isEqualTo("Most popular");
            assertThat(streaming.path("effective_start_date").asText()).isEqualTo("2024-01-01");
            assertThat(streaming.path("effective_end_date").asText()).isEqualTo("2030-12-31");
            assertThat(streaming.path("sku").asText()).isEqualTo("SKU-STREAM");
            assertThat(streaming.path("updated_date").asText()).isEqualTo("2025-03-14");
            assertThat(streaming.path("tenant_id").asLong()).isEqualTo(1);
        }

        @Test
        void writes_absent_dates_and_zuora_id_as_null() {
            JsonNode storage = acme.get("/product/102").ok();

            assertThat(storage.path("zuora_id").isNull()).isTrue();
            assertThat(storage.path("effective_start_date").isNull()).isTrue();
            assertThat(storage.path("effective_end_date").isNull()).isTrue();
            assertThat(storage.path("updated_date").isNull()).isTrue();
            assertThat(storage.path("description").asText()).isEmpty();
        }

        @Test
        void gets_one_product_by_id() {
            JsonNode product = acme.get("/product/103").ok();

            assertThat(product.path("id").asLong()).isEqualTo(103);
            assertThat(product.path("name").asText()).isEqualTo("Promotions acme");
        }

        @Test
        void answers_product_not_found_for_an_unknown_id() {
            JsonNode error = acme.get("/product/999").error(404, "product_not_found");

            assertThat(error.path("message").asText()).isEqualTo("id: no product 999");
        }

        @Test
        void answers_product_not_found_for_an_id_that_is_not_an_integer() {
            JsonNode error = acme.get("/product/abc").error(404, "product_not_found");

            assertThat(error.path("message").asText()).isEqualTo("id: no product abc");
        }
    }

    @Nested
    class Page {
        @Test
        void shows_the_page_with_its_steps_in_order() {
            JsonNode page = acme.get("/page/601").ok();

            assertThat(page.path("id").asLong()).isEqualTo(601);
            assertThat(page.path("page_id").asLong()).isEqualTo(601);
            assertThat(page.path("name").asText()).isEqualTo("Shop acme");
            assertThat(page.path("is_active").asBoolean()).isTrue();
            assertThat(page.path("is_cart").asBoolean()).isTrue();
            assertThat(page.path("show_cart").asBoolean()).isFalse();
            assertThat(page.path("allow_voucher").asBoolean()).isTrue();
            assertThat(page.path("steps")).hasSize(2);
            assertThat(page.path("steps").get(0).path("number").asInt()).isEqualTo(1);
            assertThat(page.path("steps").get(1).path("is_optional").asBoolean()).isTrue();
        }

        @Test
        void puts_the_show_flags_at_step_level_with_the_seed_spelling() {
            JsonNode step = acme.get("/page/601").ok().path("steps").get(0);

            assertThat(step.path("has_unique_selection").asBoolean()).isTrue();
            assertThat(step.path("show_charges").asBoolean()).isTrue();
            assertThat(step.path("show_description").asBoolean()).isFalse();
            assertThat(step.path("show_featureList").asBoolean()).isTrue();
            assertThat(step.path("show_periods").asBoolean()).isTrue();
            assertThat(step.path("show_product_name").asBoolean()).isFalse();
            assertThat(step.path("show_rate_plan_name").asBoolean()).isTrue();
            assertThat(step.has("show_feature_list")).isFalse();
        }

        @Test
        void offers_suite_products_whose_id_is_the_id_the_preview_takes() {
            JsonNode step = acme.get("/page/601").ok().path("steps").get(0);

            List<Long> ids = new ArrayList<>();
            step.path("rate_plans").forEach(rp -> ids.add(rp.path("id").asLong()));
            assertThat(ids).containsExactly(402L, 401L);
            JsonNode basic = step.path("rate_plans").get(1);
            assertThat(basic.path("name").asText()).isEqualTo("Basic acme");
            assertThat(basic.path("highlight").asText()).isEqualTo("Start here");
            assertThat(basic.path("effective_start_date").asText()).isEqualTo("2024-01-01");
            assertThat(basic.path("product").path("name").asText()).isEqualTo("Streaming acme");
            assertThat(basic.path("product").path("sku").asText()).isEqualTo("SKU-STREAM");
        }

        @Test
        void lists_each_charge_with_its_tiers_in_every_currency() {
            JsonNode premium = acme.get("/page/601").ok().path("steps").get(0).path("rate_plans").get(0);
            JsonNode seats = premium.path("product_rate_plan_charges").get(0);

            assertThat(seats.path("id").asLong()).isEqualTo(304);
            assertThat(seats.path("charge_model").asText()).isEqualTo("Tiered");
            assertThat(seats.path("charge_type").asText()).isEqualTo("Recurring");
            assertThat(seats.path("billing_period").asText()).isEqualTo("Annual");
            assertThat(seats.path("billing_timing").asText()).isEqualTo("IN_ADVANCE");
            assertThat(seats.path("tax_mode").asText()).isEqualTo("TaxExclusive");
            assertThat(seats.path("is_taxable").asBoolean()).isTrue();
            assertThat(seats.path("uom").asText()).isEqualTo("Seat");
            JsonNode tiers = seats.path("product_rate_plan_charge_tiers");
            List<Tier> expected = SampleTenants.full(1, "acme").catalog().ratePlan(202).get().charges().get(0).tiers();
            assertThat(tiers).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Tier tier = expected.get(i);
                JsonNode written = tiers.get(i);
                assertThat(written.path("currency").asText()).isEqualTo(tier.currency().getCode());
                assertThat(written.path("starting_unit").isTextual()).isTrue();
                assertThat(written.path("starting_unit").asText()).isEqualTo(tier.startingUnit().toPlainString());
                if (tier.endingUnit() == null) {
                    assertThat(written.path("ending_unit").isNull()).isTrue();
                } else {
                    assertThat(written.path("ending_unit").asText()).isEqualTo(tier.endingUnit().toPlainString());
                }
                assertThat(written.path("price").decimalValue()).isEqualByComparingTo(tier.price());
                assertThat(written.path("price_format").asText()).isEqualTo(tier.priceFormat().wireName());
                assertThat(written.path("is_overage_price").asBoolean()).isEqualTo(tier.overagePrice());
            }
            assertThat(tiers.get(2).path("ending_unit").isNull()).isTrue();
            assertThat(tiers.get(2).path("price_format").asText()).isEqualTo("FlatFee");
        }

        @Test
        void writes_tier_prices_as_plain_numbers() {
            Reply reply = acme.get("/page/601");

            assertThat(reply.body()).contains("\"price\":25.5,").contains("\"price\":28.125,")
                    .contains("\"price\":0.015,").doesNotContain("E+");
        }

        @Test
        void shows_each_charge_s_quantity_limits_and_null_where_there_is_none() {
            JsonNode basic = acme.get("/page/601").ok().path("steps").get(0).path("rate_plans").get(1);
            JsonNode charges = basic.path("product_rate_plan_charges");

            assertThat(basic.path("id").asLong()).isEqualTo(401);
            JsonNode screens = charges.get(2);
            assertThat(screens.path("name").asText()).isEqualTo("Extra screens");
            assertThat(screens.path("min_quantity").decimalValue()).isEqualByComparingTo("1");
            assertThat(screens.path("max_quantity").decimalValue()).isEqualByComparingTo("10");
            JsonNode baseFee = charges.get(0);
            assertThat(baseFee.has("min_quantity")).isTrue();
            assertThat(baseFee.path("min_quantity").isNull()).isTrue();
            assertThat(baseFee.has("max_quantity")).isTrue();
            assertThat(baseFee.path("max_quantity").isNull()).isTrue();
            // what the page shows is what the preview enforces
            acme.post("/subscription/preview", "{\"suite_products\": [{\"id\": 401, \"quantity\": 11, \"order_pos\": 0}]}")
                    .error(422, "quantity_out_of_range");
        }

        @Test
        void writes_null_for_the_period_and_timing_of_a_one_time_charge() {
            JsonNode basic = acme.get("/page/601").ok().path("steps").get(0).path("rate_plans").get(1);
            JsonNode setup = basic.path("product_rate_plan_charges").get(1);

            assertThat(setup.path("charge_type").asText()).isEqualTo("OneTime");
            assertThat(setup.path("billing_period").isNull()).isTrue();
            assertThat(setup.path("billing_timing").isNull()).isTrue();
            assertThat(setup.path("default_quantity").isNull()).isTrue();
        }

        @Test
        void answers_page_not_found_for_an_unknown_an_inactive_and_a_non_numeric_page() {
            assertThat(acme.get("/page/999").error(404, "page_not_found").path("message").asText())
                    .isEqualTo("id: no shop page 999");
            acme.get("/page/602").error(404, "page_not_found");
            assertThat(acme.get("/page/abc").error(404, "page_not_found").path("message").asText())
                    .isEqualTo("id: no shop page abc");
        }
    }
}
