package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TranslationIT {
    private final Http acme = TestServer.tenant("acme");

    @Nested
    class StaticTexts {
        @Test
        void translates_every_ui_key_into_the_language_asked() {
            Reply reply = acme.get("/translation?lang=en");

            assertThat(reply.ok().toString()).isEqualTo("[{\"key\":\"cart.title\",\"translation\":\"Cart\"},"
                    + "{\"key\":\"checkout.button\",\"translation\":\"Check out (acme)\"}]");
        }

        @Test
        void falls_back_to_the_default_language_per_key() {
            JsonNode texts = TestServer.tenant("trim").get("/translation?lang=de").ok();

            assertThat(texts.toString()).isEqualTo("[{\"key\":\"cart.title\",\"translation\":\"Korb (trim)\"}]");
        }

        @Test
        void refuses_a_language_the_shop_does_not_offer() {
            JsonNode error = acme.get("/translation?lang=fr").error(400, "language_not_offered");

            assertThat(error.path("message").asText()).isEqualTo("lang: the shop does not offer language 'fr'");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("lang");
        }

        @Test
        void requires_the_lang_query_parameter() {
            JsonNode error = acme.get("/translation").error(400, "field_required");

            assertThat(error.path("message").asText()).isEqualTo("lang: query parameter is required");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("lang");
        }
    }

    @Nested
    class DynamicTexts {
        @Test
        void translates_the_keys_asked_in_the_order_asked_leaving_out_unknown_ones() {
            Reply reply = acme.post("/translation/dynamic?lang=en",
                    "[\"product.101.name\", \"no.such.key\", \"suite.401.highlight\"]");

            assertThat(reply.ok().toString()).isEqualTo("[{\"key\":\"product.101.name\",\"translation\":"
                    + "\"Streaming acme\"},{\"key\":\"suite.401.highlight\",\"translation\":\"Start here\"}]");
        }

        @Test
        void answers_an_empty_list_for_no_keys() {
            assertThat(acme.post("/translation/dynamic?lang=de", "[]").ok()).isEmpty();
        }

        @Test
        void refuses_a_key_that_is_not_a_string() {
            JsonNode error = acme.post("/translation/dynamic?lang=de", "[\"a\", 5]").error(400, "field_type");

            assertThat(error.path("message").asText()).isEqualTo("[1]: expected string, got integer");
        }

        @Test
        void refuses_a_null_key() {
            JsonNode error = acme.post("/translation/dynamic?lang=de", "[\"a\", null]").error(400, "field_type");

            assertThat(error.path("message").asText()).isEqualTo("[1]: expected string, got null");
        }

        @Test
        void refuses_a_body_that_is_not_an_array() {
            JsonNode error = acme.post("/translation/dynamic?lang=de", "{\"keys\": []}").error(400, "field_type");

            assertThat(error.path("message").asText()).isEqualTo("body: expected array, got object");
        }

        @Test
        void requires_the_lang_query_parameter() {
            JsonNode error = acme.post("/translation/dynamic", "[]").error(400, "field_required");

            assertThat(error.path("message").asText()).startsWith("lang:");
        }

        @Test
        void refuses_a_language_the_shop_does_not_offer() {
            acme.post("/translation/dynamic?lang=xx", "[]").error(400, "language_not_offered");
        }
    }
}
