package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** OAuth, headers, validation against the API document, idempotency keys, the error shape. */
class ProtocolIT {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    ZuoraSimulator sim;
    Client client;
    Catalog.Product product;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(ZuoraSimulator.options().clock(clock));
        product = Fixtures.seed(sim);
        client = new Client(sim);
    }

    @AfterEach
    void stop() {
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    @Nested
    class OAuth {
        @Test
        void issues_a_bearer_token_for_the_tenants_client_credentials() {
            Client.Reply r = client.tokenRequest(sim.clientId(), sim.clientSecret());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("token_type").asText()).isEqualTo("bearer");
            assertThat(r.json().path("expires_in").asLong()).isEqualTo(3599);
            assertThat(r.json().path("access_token").asText()).isNotBlank();
            assertThat(r.header("Zuora-Request-Id")).hasSize(36);
        }

        @Test
        void refuses_a_wrong_secret_with_401() {
            assertThat(client.tokenRequest(sim.clientId(), "wrong").status()).isEqualTo(401);
        }

        @Test
        void a_v1_call_without_a_token_answers_401_with_www_authenticate() {
            Client.Reply r = client.get("/v1/catalog/products");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("message").asText()).isNotBlank();
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        void expired_tokens_answer_401_until_a_new_token_is_fetched() {
            client.login();
            assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
            sim.expireTokens();
            assertThat(client.get("/v1/catalog/products").status()).isEqualTo(401);
            client.login();
            assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
        }

        @Test
        void a_token_expires_after_expires_in_seconds_on_the_simulators_clock() {
            sim.tokenTtlSeconds(60);
            client.login();
            clock.advance(Duration.ofSeconds(59));
            assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(1));
            assertThat(client.get("/v1/catalog/products").status()).isEqualTo(401);
        }
    }

    @Nested
    class Headers {
        @Test
        void echoes_the_track_id_gives_a_request_id_and_records_the_version() {
            client.login();
            Client.Reply r = client.get("/v1/catalog/products", "Zuora-Track-Id", "trace-123", "Zuora-Version", "2025-08-12");
            assertThat(r.header("Zuora-Track-Id")).isEqualTo("trace-123");
            assertThat(r.header("Zuora-Request-Id")).hasSize(36);
            assertThat(sim.state().zuoraVersions()).containsExactly("2025-08-12");
            assertThat(sim.state().requests()).last().extracting(SimulatorState.RecordedRequest::trackId).isEqualTo("trace-123");
        }

        @Test
        void catalog_rate_plans_are_inline_before_version_230_and_a_url_after() {
            client.login();
            JsonNode old = client.get("/v1/catalog/products", "Zuora-Version", "229.0").json();
            JsonNode latest = client.get("/v1/catalog/products", "Zuora-Version", "2025-08-12").json();
            assertThat(old.path("products").path(0).path("productRatePlans").isArray()).isTrue();
            assertThat(latest.path("products").path(0).path("productRatePlans").asText()).endsWith("/product-rate-plans");
        }
    }

    @Nested
    class Validation {
        @Test
        void a_request_breaking_the_api_document_is_answered_400_and_recorded() {
            client.login();
            Client.Reply r = client.post("/v1/accounts", Map.of("name", "No currency",
                    "billToContact", Map.of("firstName", "A", "lastName", "B")));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("success").asBoolean(true)).isFalse();
            assertThat(r.json().path("reasons").path(0).path("message").asText()).contains("currency");
            assertThat(sim.state().invalidRequests()).singleElement()
                    .satisfies(i -> assertThat(i.toString()).contains("POST /v1/accounts").contains("currency"));
            assertThat(sim.state().accountCount()).isZero();
        }

        @Test
        void an_unknown_order_action_type_is_caught() {
            client.login();
            Client.Reply r = client.post("/v1/orders", Map.of("orderDate", "2026-01-01", "existingAccountNumber", "A1",
                    "subscriptions", java.util.List.of(Map.of("orderActions", java.util.List.of(Map.of("type", "Bogus"))))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(sim.state().invalidRequests()).hasSize(1);
        }

        @Test
        void malformed_json_is_caught_with_category_90_or_20() {
            client.login();
            Client.Reply r = client.post("/v1/accounts", "{\"name\": ");
            assertThat(r.status()).isEqualTo(400);
            assertThat(sim.state().invalidRequests()).hasSize(1);
        }

        @Test
        void an_unexpected_query_parameter_is_caught() {
            client.login();
            assertThat(client.get("/v1/catalog/products?bogus=1").status()).isEqualTo(400);
            assertThat(sim.state().invalidRequests()).hasSize(1);
        }

        @Test
        void a_path_outside_the_document_answers_404_and_is_recorded() {
            client.login();
            Client.Reply r = client.get("/v1/no-such-thing");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("Zuora-Request-Id")).hasSize(36);
            assertThat(r.json().path("success").asBoolean(true)).isFalse();
            assertThat(sim.state().invalidRequests()).hasSize(1);
        }

        @Test
        void an_operation_of_the_document_the_simulator_lacks_answers_404_without_being_invalid() {
            client.login();
            Client.Reply r = client.post("/v1/subscriptions/preview", java.util.Map.of("contractEffectiveDate", "2026-01-01", "termType", "EVERGREEN", "subscribeToRatePlans", java.util.List.of(), "accountKey", "A1"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().path("reasons").path(0).path("message").asText()).contains("does not implement");
            assertThat(sim.state().invalidRequests()).isEmpty();
        }

        @Test
        void errors_come_with_http_200_when_the_tenant_answers_the_old_way() {
            client.login();
            sim.errorsWithStatus200(true);
            Client.Reply r = client.get("/v1/accounts/NOPE");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("success").asBoolean(true)).isFalse();
            assertThat(r.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(40);
        }
    }

    @Nested
    class IdempotencyKeys {
        @BeforeEach
        void login() {
            client.login();
        }

        @Test
        void a_completed_key_replays_the_first_answer_without_doing_it_again() {
            Client.Reply first = client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-1");
            Client.Reply again = client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-1");
            assertThat(again.status()).isEqualTo(first.status()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(sim.state().accountCount()).isEqualTo(1);
            assertThat(sim.state().idempotencyKeys()).containsExactly("k-1");
        }

        @Test
        void an_error_answer_is_replayed_too() {
            Map<String, Object> bad = Map.of("orderDate", "2026-01-01", "existingAccountNumber", "NOPE",
                    "subscriptions", java.util.List.of());
            Client.Reply first = client.post("/v1/orders", bad, "Idempotency-Key", "k-err");
            Client.Reply again = client.post("/v1/orders", bad, "Idempotency-Key", "k-err");
            assertThat(first.status()).isEqualTo(400);
            assertThat(again.json()).isEqualTo(first.json());
        }

        @Test
        void the_same_key_on_another_url_answers_422() {
            client.ok("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-2");
            Client.Reply r = client.post("/v1/payment-methods", Map.of("type", "PayPalEC", "BAID", "B-1", "email", "a@b.c"),
                    "Idempotency-Key", "k-2");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().path("success").asBoolean(true)).isFalse();
            assertThat(sim.state().paymentMethodCount()).isZero();
        }

        @Test
        void a_key_still_in_flight_answers_409() throws Exception {
            sim.faults().on("POST", "/v1/accounts").delay(1, 1500);
            CompletableFuture<Client.Reply> slow = CompletableFuture.supplyAsync(
                    () -> client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-3"));
            Thread.sleep(500);
            Client.Reply meanwhile = client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-3");
            assertThat(meanwhile.status()).isEqualTo(409);
            assertThat(meanwhile.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(50);
            assertThat(slow.get().status()).isEqualTo(200);
            assertThat(sim.state().accountCount()).isEqualTo(1);
        }

        @Test
        void a_key_is_forgotten_after_24_hours() {
            client.ok("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-4");
            clock.advance(Duration.ofHours(23));
            client.login();
            client.ok("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-4");
            assertThat(sim.state().accountCount()).isEqualTo(1);
            clock.advance(Duration.ofHours(2));
            client.login();
            client.ok("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "k-4");
            assertThat(sim.state().accountCount()).isEqualTo(2);
        }
    }
}
