package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault kind, through the Java API and over HTTP. Dropped connections are tested with POST: Java's HttpClient
 * retries an idempotent GET once by itself when the connection closes without an answer.
 */
class FaultsIT {
    ZuoraSimulator sim;
    Client client;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(0);
        Fixtures.seed(sim);
        client = new Client(sim).login();
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    @Test
    void rate_limit_answers_429_with_retry_after_then_recovers() {
        sim.faults().rateLimit(2, 3);
        for (int i = 0; i < 2; i++) {
            Client.Reply r = client.get("/v1/catalog/products");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("3");
            assertThat(r.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(70);
        }
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
        assertThat(sim.faults().pending()).isZero();
    }

    @Test
    void server_errors_answer_the_status_with_zuoras_500_body() {
        sim.faults().status(1, 500).status(1, 503);
        Client.Reply first = client.get("/v1/catalog/products");
        assertThat(first.status()).isEqualTo(500);
        assertThat(first.json().path("reasons").path(0).path("code").asText()).isNotBlank();
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(503);
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
    }

    @Test
    void a_fault_narrowed_to_a_method_and_path_leaves_others_alone() {
        sim.faults().on("POST", "/v1/accounts").status(1, 503);
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
        assertThat(client.post("/v1/accounts", Fixtures.account("Acme")).status()).isEqualTo(503);
        assertThat(sim.state().accountCount()).isZero();
        assertThat(client.post("/v1/accounts", Fixtures.account("Acme")).status()).isEqualTo(200);
    }

    @Test
    void a_fault_on_the_token_endpoint_is_possible_when_asked_for() {
        sim.faults().on("POST", "/oauth/token").rateLimit(1, 1);
        assertThat(client.tokenRequest(sim.clientId(), sim.clientSecret()).status()).isEqualTo(429);
        assertThat(client.tokenRequest(sim.clientId(), sim.clientSecret()).status()).isEqualTo(200);
    }

    @Test
    void delay_holds_the_answer() {
        sim.faults().delay(1, 700);
        long t0 = System.nanoTime();
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(700);
    }

    @Test
    void drop_closes_the_connection_without_processing() {
        sim.faults().drop(1);
        assertThatThrownBy(() -> client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "d-1"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.state().accountCount()).isZero();
        assertThat(client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "d-1").status()).isEqualTo(200);
        assertThat(sim.state().accountCount()).isEqualTo(1);
    }

    @Test
    void commit_then_drop_keeps_the_change_and_a_retry_with_the_key_gets_the_first_answer() {
        sim.faults().on("POST", "/v1/accounts").commitThenDrop(1);
        assertThatThrownBy(() -> client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "c-1"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(sim.state().accountCount()).isEqualTo(1);
        String created = sim.state().accountNumbers().get(0);

        Client.Reply retry = client.post("/v1/accounts", Fixtures.account("Acme"), "Idempotency-Key", "c-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("accountNumber").asText()).isEqualTo(created);
        assertThat(sim.state().accountCount()).isEqualTo(1);
    }

    @Test
    void down_fails_every_v1_request_fast_until_up_again() {
        sim.faults().down(true);
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(503);
        assertThat(client.post("/v1/accounts", Fixtures.account("Acme")).status()).isEqualTo(503);
        assertThat(client.tokenRequest(sim.clientId(), sim.clientSecret()).status()).isEqualTo(200);
        sim.faults().down(false);
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(200);
        assertThat(sim.state().accountCount()).isZero();
    }

    @Test
    void faults_can_be_set_over_http_for_a_separately_started_simulator() {
        Client.Reply set = control("/__simulator/faults", Map.of("kind", "rateLimit", "count", 1, "retryAfterSeconds", 4,
                "method", "GET", "path", "/v1/catalog"));
        assertThat(set.status()).isEqualTo(204);
        Client.Reply limited = client.get("/v1/catalog/products");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("4");

        control("/__simulator/down", Map.of("down", true));
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(503);
        control("/__simulator/down", Map.of("down", false));
        control("/__simulator/expire-tokens", Map.of());
        assertThat(client.get("/v1/catalog/products").status()).isEqualTo(401);
        client.login();
        assertThat(client.get("/__simulator/state").json().path("invalidRequests")).isEmpty();
    }

    private Client.Reply control(String path, Map<String, Object> body) {
        return client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Client.write(body))));
    }
}
