package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server switched to Zuora by configuration alone ({@code SUITE_BILLING=zuora} and the
 * {@code SUITE_ZUORA_*} settings), against the Zuora simulator on loopback: the demo shop's checkout
 * and customer center over HTTP book and read in Zuora, a keyed retry is replayed, and a Zuora outage
 * is a 503 {@code billing_unavailable} that the same key completes once Zuora is back. Every request
 * the engine sent is checked against Zuora's API document by the simulator.
 */
class ZuoraServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String CHECKOUT = """
            {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}, {"id": 3, "quantity": 1, "order_pos": 1}],
             "account": {"is_company": false, "first_name": "%s", "last_name": "Example",
                         "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                         "email": "%s", "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}}""";

    @TempDir
    Path dir;

    private ZuoraSimulator zuora;
    private Server server;

    @BeforeEach
    void startZuoraAndTheServer() {
        zuora = ZuoraHarness.simulator();
        server = ServerHarness.start(ZuoraHarness.env(dir, zuora, "SUITE_BILLING_RUN_MINUTES", "60"));
        ZuoraHarness.demoShop(server, zuora);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (zuora != null) {
            ZuoraHarness.closeCheckingRequests(zuora);
        }
    }

    @Test
    void books_the_checkout_in_zuora_and_serves_the_customer_center_from_it() throws Exception {
        String ann = register("ann@example.com");

        HttpResponse<String> booked = call("POST", "/subscription", ann, CHECKOUT.formatted("Ann", "ann@example.com"),
                Map.of("Idempotency-Key", "order-1"));
        HttpResponse<String> replayed = call("POST", "/subscription", ann,
                CHECKOUT.formatted("Ann", "ann@example.com"), Map.of("Idempotency-Key", "order-1"));

        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        JsonNode subscribed = JSON.readTree(booked.body());
        assertThat(subscribed.path("subscriptions").size()).isEqualTo(2);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(replayed.body())).isEqualTo(subscribed);
        assertThat(zuora.state().accountCount()).as("one Zuora account").isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).as("one Zuora subscription per suite product").isEqualTo(2);

        JsonNode account = JSON.readTree(ok(call("GET", "/account", ann, null, Map.of())).body());
        assertThat(account.path("first_name").asText()).isEqualTo("Ann");
        JsonNode subscriptions = JSON.readTree(ok(call("GET", "/account/subscription", ann, null, Map.of())).body());
        assertThat(subscriptions.size()).isEqualTo(2);
        assertThat(subscriptions.findValuesAsText("uuid")).containsExactlyInAnyOrderElementsOf(
                subscribed.path("subscriptions").findValuesAsText("uuid"));
        JsonNode invoices = JSON.readTree(ok(call("GET", "/account/invoice", ann, null, Map.of())).body());
        assertThat(invoices.size()).as("Zuora's first invoice").isEqualTo(1);
    }

    @Test
    void answers_an_outage_with_503_and_books_once_when_the_same_key_is_retried() throws Exception {
        String bob = register("bob@example.com");
        zuora.faults().down(true);

        HttpResponse<String> down = call("POST", "/subscription", bob, CHECKOUT.formatted("Bob", "bob@example.com"),
                Map.of("Idempotency-Key", "bob-1"));

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(JSON.readTree(down.body()).path("error").path("code").asText()).isEqualTo("billing_unavailable");
        assertThat(zuora.state().accountCount()).isZero();

        zuora.faults().down(false);
        // the adapter's circuit breaker may still be open after the outage (fast 503s, no call to Zuora) until
        // it lets a trial call through (30 s by default); the client keeps retrying with its key meanwhile
        HttpResponse<String> retried = call("POST", "/subscription", bob, CHECKOUT.formatted("Bob", "bob@example.com"),
                Map.of("Idempotency-Key", "bob-1"));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (retried.statusCode() == 503 && System.nanoTime() < deadline) {
            assertThat(JSON.readTree(retried.body()).path("error").path("code").asText())
                    .isEqualTo("billing_unavailable");
            Thread.sleep(1000);
            retried = call("POST", "/subscription", bob, CHECKOUT.formatted("Bob", "bob@example.com"),
                    Map.of("Idempotency-Key", "bob-1"));
        }

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(zuora.state().accountCount()).isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(2);
    }

    @Test
    void registers_an_approved_paypal_agreement_in_zuora_once_when_it_becomes_the_accounts_method() throws Exception {
        String dan = register("dan@example.com");
        ok(call("POST", "/subscription", dan, CHECKOUT.formatted("Dan", "dan@example.com"), Map.of()));
        JsonNode init = JSON.readTree(ok(call("GET", "/payment-method/3/paypal/init", dan, null, Map.of())).body());
        String payPal = init.path("payment_method_id").asText();
        ok(call("GET", init.path("approval_url").asText() + "&payer_email=dan%40paypal.example", null, null,
                Map.of()));
        int methodsBefore = zuora.state().paymentMethodCount();

        String body = "{\"id\": \"" + payPal + "\", \"type\": \"PayPal\", \"data\": {}}";
        ok(call("PUT", "/account/payment-method", dan, body, Map.of()));
        ok(call("PUT", "/account/payment-method", dan, body, Map.of()));

        assertThat(zuora.state().paymentMethodCount()).as("one PayPal method in Zuora").isEqualTo(methodsBefore + 1);
        assertThat(zuora.state().requests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/v1/payment-methods")).count()).isEqualTo(1);
        JsonNode method = JSON.readTree(ok(call("GET", "/account/payment-method", dan, null, Map.of())).body());
        assertThat(method.path("id").asText()).as("the engine's id, read back through Zuora's").isEqualTo(payPal);
        assertThat(method.path("type").asText()).isEqualTo("PayPal");
        String eve = register("eve@example.com");
        ok(call("POST", "/subscription", eve, CHECKOUT.formatted("Eve", "eve@example.com"), Map.of()));
        HttpResponse<String> others = call("PUT", "/account/payment-method", eve, body, Map.of());
        assertThat(others.statusCode()).as("someone else's PayPal method").isEqualTo(404);
        assertThat(others.body()).contains("payment_method_not_found");
    }

    @Test
    void has_no_bill_run_of_its_own_zuora_bills() {
        assertThat(server.engine().billing().orElseThrow().runBilling()).isEmpty();
        assertThat(server.engine().ledger()).isEmpty();
    }

    private String register(String email) throws Exception {
        HttpResponse<String> registered = ok(call("POST", "/register", null, """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD), Map.of()));
        return JSON.readTree(registered.body()).path("token").asText();
    }

    private HttpResponse<String> call(String method, String path, String token, String body,
            Map<String, String> headers) throws Exception {
        return CustomerJourney.send("http://127.0.0.1:" + server.port(), method, path, token, body, headers);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }
}
