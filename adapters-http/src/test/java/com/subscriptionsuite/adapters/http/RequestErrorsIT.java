package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** Every refusal answers the one error shape, with the message naming the field at fault. */
class RequestErrorsIT {
    private final Http acme = TestServer.tenant("acme");

    private Reply preview(String body) {
        return acme.post("/subscription/preview", body);
    }

    @Nested
    class MalformedJson {
        @Test
        void says_where_the_json_breaks() {
            JsonNode error = preview("{\n  \"suite_products\": [\n    {\"id\": 401,, }\n]}").error(400, "json_malformed");

            assertThat(error.path("message").asText()).startsWith("body: malformed JSON at line 3, column ");
        }

        @Test
        void refuses_an_empty_body() {
            JsonNode error = preview("").error(400, "json_malformed");

            assertThat(error.path("message").asText()).contains("the body is empty");
        }

        @Test
        void reports_malformed_json_even_when_an_unknown_field_comes_before_the_break() {
            preview("{\"colour\": \"red\", \"suite_products\": [}").error(400, "json_malformed");
        }

        @Test
        void refuses_a_null_body_as_the_wrong_type() {
            JsonNode error = preview("null").error(400, "field_type");

            assertThat(error.path("message").asText()).startsWith("body: expected object");
        }

        @Test
        void refuses_content_after_the_json_value() {
            preview("{} {}").error(400, "json_malformed");
        }

        @Test
        void refuses_a_duplicate_field() {
            JsonNode error = preview("{\"currency\": \"EUR\", \"currency\": \"USD\"}").error(400, "json_malformed");

            assertThat(error.path("message").asText()).contains("currency");
        }
    }

    @Nested
    class UnknownFields {
        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', textBlock = """
                {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0, "colour": "red"}]} | suite_products[0].colour
                {"account": {"country": "DE", "colour": "red"}}                                  | account.colour
                {"voucher": "X"}                                                                  | voucher
                """)
        void names_the_unknown_field_by_its_path(String body, String field) {
            JsonNode error = preview(body).error(400, "field_unknown");

            assertThat(error.path("message").asText()).isEqualTo(field + ": unknown field");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    @Nested
    class WrongTypes {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                {"suite_products": [{"id": 401, "quantity": "abc", "order_pos": 0}]}  | suite_products[0].quantity: expected integer, got string
                {"suite_products": [{"id": 401, "quantity": "2", "order_pos": 0}]}    | suite_products[0].quantity: expected integer, got string
                {"suite_products": [{"id": 401, "quantity": 1.5, "order_pos": 0}]}    | suite_products[0].quantity: expected integer, got number with a fraction
                {"suite_products": [{"id": 401, "quantity": 1.0, "order_pos": 0}]}    | suite_products[0].quantity: expected integer, got number with a fraction
                {"suite_products": [{"id": true, "quantity": 1, "order_pos": 0}]}     | suite_products[0].id: expected integer, got boolean
                {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}, {"id": 401, "quantity": 1, "order_pos": "1"}]} | suite_products[1].order_pos: expected integer, got string
                {"currency": 978}                                                       | currency: expected string, got integer
                {"account": {"is_company": "yes"}}                                      | account.is_company: expected boolean, got string
                {"account": {"is_company": 1}}                                          | account.is_company: expected boolean, got integer
                {"account": "DE"}                                                       | account: expected object, got string
                {"suite_products": {"id": 401}}                                         | suite_products: expected array, got object
                []                                                                      | body: expected object, got array
                """)
        void names_the_field_and_the_expected_type(String body, String message) {
            JsonNode error = preview(body).error(400, "field_type");

            assertThat(error.path("message").asText()).isEqualTo(message);
        }

        @Test
        void refuses_an_integer_out_of_range() {
            JsonNode error = preview("{\"suite_products\": [{\"id\": 401, \"quantity\": 99999999999999999999, "
                    + "\"order_pos\": 0}]}").error(400, "field_type");

            assertThat(error.path("message").asText()).startsWith("suite_products[0].quantity: expected integer from");
        }
    }

    @Nested
    class MissingFields {
        @Test
        void names_every_missing_field_of_a_suite_product() {
            JsonNode error = preview("{\"suite_products\": [{\"quantity\": 1}]}").error(400, "field_required");

            assertThat(error.path("message").asText()).isEqualTo("suite_products[0].id: is required (and 1 more)");
            assertThat(error.path("details").findValuesAsText("field"))
                    .containsExactly("suite_products[0].id", "suite_products[0].order_pos");
        }

        @Test
        void treats_null_as_missing() {
            JsonNode error = preview("{\"suite_products\": [{\"id\": 401, \"quantity\": null, \"order_pos\": 0}]}")
                    .error(400, "field_required");

            assertThat(error.path("message").asText()).isEqualTo("suite_products[0].quantity: is required");
        }
    }

    /**
     * The JSON parser's limits (nesting depth, number length, field-name length) are bad input like
     * any other: 400 with a code and a message naming the limit, on every operation with a JSON
     * body, before any token is looked at; never a 500 or a logged stack trace.
     */
    @Nested
    class ParserLimits {
        private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

        @BeforeEach
        void watchTheLog() {
            LOGGED.list.clear();
            LOGGED.start();
            root().addAppender(LOGGED);
        }

        @AfterEach
        void stopWatching() {
            root().detachAppender(LOGGED);
        }

        private static Logger root() {
            return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        }

        private static String body(String limit) {
            return switch (limit) {
                case "json_too_deep" -> "[".repeat(1001) + "]".repeat(1001);
                case "json_number_too_long" -> "[" + "9".repeat(1001) + "]";
                case "json_name_too_long" -> "{\"" + "a".repeat(50_001) + "\": 1}";
                default -> throw new IllegalArgumentException(limit);
            };
        }

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource(delimiter = '|', textBlock = """
                json_too_deep        | /subscription/preview     | body: JSON nested deeper than the limit of 1000 levels
                json_too_deep        | /login                    | body: JSON nested deeper than the limit of 1000 levels
                json_too_deep        | /register                 | body: JSON nested deeper than the limit of 1000 levels
                json_too_deep        | /translation/dynamic?lang=de | body: JSON nested deeper than the limit of 1000 levels
                json_too_deep        | /password-reset/init      | body: JSON nested deeper than the limit of 1000 levels
                json_too_deep        | /login/guest              | body: JSON nested deeper than the limit of 1000 levels
                json_number_too_long | /subscription/preview     | body: a number longer than the limit of 1000 digits
                json_number_too_long | /login                    | body: a number longer than the limit of 1000 digits
                json_number_too_long | /password-reset/confirm   | body: a number longer than the limit of 1000 digits
                json_name_too_long   | /subscription/preview     | body: a field name longer than the limit of 50000 characters
                json_name_too_long   | /register                 | body: a field name longer than the limit of 50000 characters
                """)
        void answers_400_naming_the_limit(String code, String target, String message) {
            JsonNode error = acme.post(target, body(code)).error(400, code);

            assertThat(error.path("message").asText()).startsWith(message);
            assertThat(LOGGED.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN)
                    || event.getThrowableProxy() != null);
        }

        @Test
        void reports_the_limit_before_an_unknown_field_or_a_wrong_type_met_first() {
            acme.post("/subscription/preview", "{\"colour\": " + "[".repeat(1001) + "]".repeat(1001) + "}")
                    .error(400, "json_too_deep");
            acme.post("/subscription/preview", "{\"suite_products\": [{\"id\": " + "1".repeat(1001)
                    + ", \"quantity\": 1, \"order_pos\": 0}]}").error(400, "json_number_too_long");
        }

        @Test
        void accepts_what_is_within_the_limits() {
            preview("{\"suite_products\": [{\"id\": 401, \"quantity\": " + "9".repeat(1000) + ", \"order_pos\": 0}]}")
                    .error(400, "field_type");
            acme.post("/subscription/preview", "[".repeat(1000) + "]".repeat(1000)).error(400, "field_type");
        }
    }

    @Nested
    class Transport {
        @Test
        void refuses_a_body_that_is_not_declared_as_json() {
            Reply reply = acme.with("Content-Type", "text/plain")
                    .send("POST", "/subscription/preview", BodyPublishers.ofString("{}"));

            JsonNode error = reply.error(415, "media_type_unsupported");
            assertThat(error.path("message").asText()).startsWith("Content-Type: 'text/plain' is not supported");
        }

        @Test
        void refuses_a_body_without_content_type() {
            acme.send("POST", "/translation/dynamic?lang=de", BodyPublishers.ofString("[]"))
                    .error(415, "media_type_unsupported");
        }

        @Test
        void accepts_json_with_a_charset() {
            Reply reply = acme.with("Content-Type", "application/json; charset=utf-8")
                    .send("POST", "/translation/dynamic?lang=de", BodyPublishers.ofString("[]"));

            assertThat(reply.status()).isEqualTo(200);
        }

        @Test
        void answers_route_not_found_for_an_unknown_path() {
            JsonNode error = acme.get("/products").error(404, "route_not_found");

            assertThat(error.path("message").asText()).isEqualTo("no route GET /products");
        }

        @Test
        void answers_route_not_found_without_a_tenant() {
            TestServer.anonymous().get("/nowhere").error(404, "route_not_found");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({
                "PUT, /product/1, 'GET, HEAD, DELETE, OPTIONS'",
                "POST, /product, 'GET, HEAD, OPTIONS'",
                "PUT, /config, 'GET, HEAD, OPTIONS'",
                "GET, /subscription/preview, 'POST, OPTIONS'",
                "GET, /translation/dynamic, 'POST, OPTIONS'",
                "GET, /logout, 'POST, OPTIONS'",
                "POST, /health, 'GET, HEAD'"})
        void answers_method_not_allowed_with_the_allowed_methods(String method, String path, String allowed) {
            Reply reply = acme.send(method, path, BodyPublishers.noBody());

            JsonNode error = reply.error(405, "method_not_allowed");
            assertThat(reply.header("Allow")).isEqualTo(allowed);
            assertThat(error.path("message").asText()).startsWith(method + " is not allowed on " + path);
        }
    }

    @Nested
    class PreviewRefusals {
        @Test
        void refuses_an_empty_cart() {
            JsonNode error = preview("{\"suite_products\": []}").error(400, "cart_empty");

            assertThat(error.path("message").asText()).startsWith("suite_products:");
            preview("{}").error(400, "cart_empty");
        }

        @Test
        void refuses_an_order_position_used_twice() {
            JsonNode error = preview("""
                    {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 3},
                                        {"id": 403, "quantity": 1, "order_pos": 3}]}""")
                    .error(400, "order_pos_duplicate");

            assertThat(error.path("message").asText()).startsWith("suite_products[1].order_pos:");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("suite_products[1].order_pos");
        }

        @Test
        void refuses_a_suite_product_that_is_not_sold() {
            JsonNode error = preview("{\"suite_products\": [{\"id\": 999, \"quantity\": 1, \"order_pos\": 0}]}")
                    .error(422, "suite_product_not_found");

            assertThat(error.path("message").asText()).isEqualTo("suite_products[0].id: no suite product 999 is sold");
        }

        @Test
        void refuses_a_quantity_above_a_charges_maximum() {
            JsonNode error = preview("{\"suite_products\": [{\"id\": 401, \"quantity\": 11, \"order_pos\": 0}]}")
                    .error(422, "quantity_out_of_range");

            assertThat(error.path("message").asText())
                    .isEqualTo("suite_products[0].quantity: 11 is not allowed for charge 303 (at most 10)");
        }

        @Test
        void refuses_a_quantity_of_zero() {
            preview("{\"suite_products\": [{\"id\": 401, \"quantity\": 0, \"order_pos\": 0}]}")
                    .error(422, "quantity_out_of_range");
        }

        @Test
        void refuses_a_currency_the_shop_does_not_sell_in() {
            JsonNode error = preview("""
                    {"currency": "CHF", "suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""")
                    .error(422, "currency_not_offered");

            assertThat(error.path("message").asText()).isEqualTo("currency: the shop does not sell in 'CHF'");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("currency");
        }

        @Test
        void refuses_a_suite_product_not_priced_in_the_currency() {
            JsonNode error = TestServer.tenant("euro").post("/subscription/preview", """
                    {"currency": "USD", "suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""")
                    .error(422, "not_priced_in_currency");

            assertThat(error.path("message").asText()).isEqualTo("suite_products[0].id: suite product 401 has no price in USD");
        }
    }
}
