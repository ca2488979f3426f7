package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenantSelectionIT {

    @Nested
    class ByHeader {
        @Test
        void selects_the_tenant_named_by_x_tenant() {
            JsonNode products = TestServer.tenant("other").get("/product").ok();

            assertThat(products.get(0).path("name").asText()).isEqualTo("Streaming other");
            assertThat(products.get(0).path("tenant_id").asLong()).isEqualTo(2);
        }

        @Test
        void prefers_x_tenant_over_the_host() {
            JsonNode product = TestServer.tenant("other").with("Host", "acme.shop.example").get("/product/101").ok();

            assertThat(product.path("name").asText()).isEqualTo("Streaming other");
        }

        @Test
        void answers_tenant_unknown_for_an_unknown_key() {
            JsonNode error = TestServer.tenant("nobody").get("/product").error(404, "tenant_unknown");

            assertThat(error.path("message").asText()).isEqualTo("X-Tenant: no tenant 'nobody'");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("X-Tenant");
        }

        @Test
        void answers_tenant_unknown_before_reading_a_body() {
            TestServer.tenant("nobody").post("/subscription/preview", "{not json").error(404, "tenant_unknown");
        }
    }

    @Nested
    class ByHost {
        @Test
        void selects_the_tenant_listing_the_host_name() {
            JsonNode product = TestServer.anonymous().with("Host", "www.acme.example").get("/product/101").ok();

            assertThat(product.path("name").asText()).isEqualTo("Streaming acme");
        }

        @Test
        void ignores_the_port_in_the_host_header() {
            JsonNode config = TestServer.anonymous().with("Host", "other.shop.example:8443").get("/config").ok();

            assertThat(config.path("cart_settings").path("tenant_id").asLong()).isEqualTo(2);
        }

        @Test
        void answers_tenant_unknown_for_a_host_no_tenant_lists() {
            JsonNode error = TestServer.anonymous().with("Host", "unknown.example").get("/config")
                    .error(404, "tenant_unknown");

            assertThat(error.path("message").asText()).isEqualTo("Host: no tenant 'unknown.example'");
        }
    }

    @Nested
    class Isolation {
        @Test
        void never_shows_one_tenants_products_to_another() {
            String other = TestServer.tenant("other").get("/product").body();
            String acme = TestServer.tenant("acme").get("/product").body();

            assertThat(other).contains("other").doesNotContain("acme");
            assertThat(acme).contains("acme").doesNotContain("other");
        }

        @Test
        void never_shows_one_tenants_page_or_translations_to_another() {
            assertThat(TestServer.tenant("other").get("/page/601").body()).doesNotContain("acme");
            assertThat(TestServer.tenant("other").get("/translation?lang=de").body()).doesNotContain("acme");
            TestServer.tenant("bare").get("/page/601").error(404, "page_not_found");
        }

        @Test
        void does_not_find_another_tenants_product_or_suite_product() {
            TestServer.tenant("bare").get("/product/101").error(404, "product_not_found");
            assertThat(TestServer.tenant("bare").get("/product").ok()).isEmpty();
            TestServer.tenant("bare").post("/subscription/preview", """
                    {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""")
                    .error(422, "suite_product_not_found");
        }
    }
}
