package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ConfigIT {

    @Test
    void lists_languages_by_code_with_flags_as_numbers() {
        JsonNode languages = TestServer.tenant("acme").get("/config").ok().path("languages");

        assertThat(languages).hasSize(3);
        assertThat(languages.get(0).toString())
                .isEqualTo("{\"id\":11,\"name\":\"de\",\"is_active\":1,\"is_default\":1,\"tenant_id\":1}");
        assertThat(languages.get(2).toString())
                .isEqualTo("{\"id\":13,\"name\":\"fr\",\"is_active\":0,\"is_default\":0,\"tenant_id\":1}");
    }

    @Test
    void lists_currencies_with_their_separators() {
        JsonNode currencies = TestServer.tenant("acme").get("/config").ok().path("currencies");

        assertThat(currencies.get(0).toString()).isEqualTo("{\"id\":21,\"iso_code\":\"EUR\",\"is_active\":1,"
                + "\"is_default\":1,\"tenant_id\":1,\"decimal_separator\":\",\",\"thousands_separator\":\".\"}");
        assertThat(currencies.get(1).path("iso_code").asText()).isEqualTo("USD");
        assertThat(currencies.get(1).path("is_default").asInt()).isZero();
    }

    @Test
    void writes_the_settings_as_zero_one_flags_with_the_tenant_id() {
        JsonNode config = TestServer.tenant("acme").get("/config").ok();

        assertThat(config.path("cart_settings").toString()).isEqualTo("{\"id\":31,\"show_product_name\":1,"
                + "\"show_rate_plan_name\":0,\"show_feature_list\":1,\"show_description\":0,\"show_charges\":1,"
                + "\"use_single_quantity\":1,\"tenant_id\":1}");
        assertThat(config.path("checkout_settings").toString()).isEqualTo("{\"id\":32,\"has_guest_checkout\":1,"
                + "\"show_charges\":0,\"show_tax\":1,\"show_brutto\":0,\"show_product_name\":1,\"tenant_id\":1,"
                + "\"has_auto_invoice\":0,\"has_auto_payment\":1}");
        assertThat(config.path("customer_center_settings").toString()).isEqualTo("{\"id\":33,"
                + "\"can_cancel_subscriptions\":1,\"can_suspend\":0,\"tenant_id\":1,"
                + "\"can_cancel_subscriptions_at_any_time\":1}");
    }

    @Test
    void shows_each_tenant_its_own_configuration() {
        JsonNode bare = TestServer.tenant("bare").get("/config").ok();

        assertThat(bare.path("languages")).hasSize(1);
        assertThat(bare.path("languages").get(0).path("tenant_id").asLong()).isEqualTo(4);
        assertThat(bare.path("currencies").get(0).path("decimal_separator").asText()).isEqualTo(".");
        assertThat(bare.path("cart_settings").path("tenant_id").asLong()).isEqualTo(4);
    }
}
