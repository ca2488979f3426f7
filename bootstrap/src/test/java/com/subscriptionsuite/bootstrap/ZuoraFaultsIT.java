package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, fault tests: the standalone server in front of the Zuora simulator while Zuora misbehaves
 * (an answer lost after Zuora booked, a dropped connection, a 429 storm, an outage under many customers).
 * Each test ends with what Zuora holds counted: one account per customer that completed, one
 * subscription per suite product of each cart, one order per checkout; never a booking twice, never a 500
 * to a customer, and every request the engine sent valid against Zuora's API document.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZuoraFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    /** Starter for 3 users and Professional for 1: two suite products, so two Zuora subscriptions. */
    private static final String CHECKOUT = """
            {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}, {"id": 3, "quantity": 1, "order_pos": 1}],
             "account": {"is_company": false, "first_name": "%s", "last_name": "Example",
                         "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                         "email": "%s", "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}%s}""";
    private static final int SUITE_PRODUCTS_PER_CART = 2;
    /** The demo shop's WELCOME10 discount rate plan (id 51) under its Zuora id. */
    private static final String WELCOME10_PLAN = "zplan51";

    @TempDir
    Path dir;

    private ZuoraSimulator zuora;
    private Server server;
    /** Every answer a customer got to a checkout, whatever the test. */
    private final ConcurrentLinkedQueue<Integer> checkoutStatuses = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startZuora() {
        zuora = ZuoraHarness.simulator();
    }

    /** The server in front of Zuora, the demo shop defined with Zuora ids and seeded into the simulator. */
    private void startServer(String... settings) {
        server = ServerHarness.start(ZuoraHarness.env(dir, zuora, concat(settings, "SUITE_BILLING_RUN_MINUTES", "60")));
        ZuoraHarness.demoShop(server, zuora);
    }

    private static String[] concat(String[] settings, String... more) {
        String[] all = java.util.Arrays.copyOf(more, more.length + settings.length);
        System.arraycopy(settings, 0, all, more.length, settings.length);
        return all;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        ZuoraHarness.closeCheckingRequests(zuora);
        assertThat(checkoutStatuses).as("every checkout answered 200, 429 or 503, never a 500")
                .allMatch(s -> s == 200 || s == 429 || s == 503);
    }

    // 1. ------------------------------------------------------------------------------------------------

    @Test
    void an_order_booked_by_zuora_whose_answer_is_lost_is_answered_503_and_the_keyed_retry_books_nothing_more()
            throws Exception {
        // one attempt per call, so that the lost answer reaches the customer (the adapter's own retry of a
        // keyed POST would otherwise get Zuora's replay at once: a_connection_dropped_once_... below)
        startServer("SUITE_ZUORA_RETRY_ATTEMPTS", "1");
        String ann = register("ann@example.com");
        ok(call("POST", "/voucher-code/WELCOME10/init", ann, "{}", Map.of()));
        zuora.faults().on("POST", "/v1/orders").commitThenDrop(1);

        HttpResponse<String> lost = checkout(ann, "Ann", "ann-1", true);

        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(503);
        assertThat(code(lost)).isEqualTo("billing_unavailable");
        assertThat(zuora.state().orderCount()).as("Zuora booked the order whose answer was lost").isEqualTo(1);
        assertThat(zuora.state().accountCount()).isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(SUITE_PRODUCTS_PER_CART);

        HttpResponse<String> retried = checkout(ann, "Ann", "ann-1", true);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).as("completed by the retry, not replayed")
                .isEmpty();
        JsonNode subscribed = JSON.readTree(retried.body());
        assertThat(subscribed.path("subscriptions").size()).isEqualTo(SUITE_PRODUCTS_PER_CART);
        assertThat(zuora.state().orderCount()).as("Zuora answered its first booking again").isEqualTo(1);
        assertThat(zuora.state().accountCount()).isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(SUITE_PRODUCTS_PER_CART);
        assertThat(subscriptionsWith(WELCOME10_PLAN)).as("the voucher's discount plan on each subscription, once")
                .isEqualTo(SUITE_PRODUCTS_PER_CART);
        JsonNode subscriptions = JSON.readTree(ok(call("GET", "/account/subscription", ann, null, Map.of())).body());
        assertThat(subscriptions.findValuesAsText("uuid")).containsExactlyInAnyOrderElementsOf(
                subscribed.path("subscriptions").findValuesAsText("uuid"));

        HttpResponse<String> again = checkout(ann, "Ann", "ann-1", true);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(again.body())).isEqualTo(subscribed);

        // WELCOME10 is multi_use with per_customer_limit 1 (demo.json): redeemed once by Ann, she cannot hold
        // it again; another customer can, and books with it
        HttpResponse<String> annAgain = call("POST", "/voucher-code/WELCOME10/init", ann, "{}", Map.of());
        assertThat(annAgain.statusCode()).as(annAgain.body()).isEqualTo(409);
        assertThat(code(annAgain)).as("her per-customer limit").isEqualTo("voucher_already_redeemed");
        String bob = register("bob@example.com");
        ok(call("POST", "/voucher-code/WELCOME10/init", bob, "{}", Map.of()));
        assertThat(checkout(bob, "Bob", "bob-1", true).statusCode()).isEqualTo(200);

        assertThat(zuora.state().accountCount()).as("one account per customer that completed").isEqualTo(2);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(2 * SUITE_PRODUCTS_PER_CART);
        assertThat(zuora.state().orderCount()).isEqualTo(2);
        assertThat(subscriptionsWith(WELCOME10_PLAN)).isEqualTo(2 * SUITE_PRODUCTS_PER_CART);
    }

    // 4. ------------------------------------------------------------------------------------------------

    @Test
    void a_connection_dropped_before_zuora_processed_the_order_is_answered_503_and_the_keyed_retry_books_once()
            throws Exception {
        startServer("SUITE_ZUORA_RETRY_ATTEMPTS", "1");
        String cid = register("cid@example.com");
        zuora.faults().on("POST", "/v1/orders").drop(1);

        HttpResponse<String> dropped = checkout(cid, "Cid", "cid-1", false);

        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(503);
        assertThat(code(dropped)).isEqualTo("billing_unavailable");
        assertThat(zuora.state().orderCount()).as("nothing ordered: the connection closed first").isZero();
        assertThat(zuora.state().accountCount()).as("the account opened before the order").isEqualTo(1);

        HttpResponse<String> retried = checkout(cid, "Cid", "cid-1", false);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(zuora.state().accountCount()).as("the account of the first attempt, not a second").isEqualTo(1);
        assertThat(zuora.state().orderCount()).isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(SUITE_PRODUCTS_PER_CART);
        assertThat(zuora.state().requests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/v1/orders")).map(r -> r.status()).toList())
                .as("the dropped order, then the retried one").containsExactly(0, 200);
    }

    @Test
    void a_connection_dropped_once_is_retried_by_the_adapter_itself_with_the_same_key() throws Exception {
        startServer(); // SUITE_ZUORA_RETRY_ATTEMPTS: 3 by default
        String dee = register("dee@example.com");
        zuora.faults().on("POST", "/v1/orders").commitThenDrop(1);

        HttpResponse<String> booked = checkout(dee, "Dee", "dee-1", false);

        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
        var orders = zuora.state().requests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/v1/orders")).toList();
        assertThat(orders).extracting(r -> r.status()).as("the lost answer, then Zuora's replay").containsExactly(0,
                200);
        assertThat(orders).extracting(r -> r.idempotencyKey()).as("one key for both").doesNotContainNull()
                .containsOnly(orders.get(0).idempotencyKey());
        assertThat(zuora.state().orderCount()).isEqualTo(1);
        assertThat(zuora.state().accountCount()).isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(SUITE_PRODUCTS_PER_CART);
    }

    // 3. ------------------------------------------------------------------------------------------------

    @Test
    void a_429_storm_is_answered_429_with_retry_after_or_booked_and_the_customers_retries_book_each_once()
            throws Exception {
        startServer();
        int customers = 6;
        int limited = 20;
        List<String> tokens = registerMany("storm", customers);
        zuora.faults().rateLimit(limited, 1);

        List<List<HttpResponse<String>>> answers = concurrently(customers, c -> {
            List<HttpResponse<String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            HttpResponse<String> answer = checkout(tokens.get(c), "Storm", "storm-" + c, false);
            seen.add(answer);
            while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
                if (answer.statusCode() == 429) {
                    HttpResponse<String> limitedAnswer = answer;
                    assertThat(code(limitedAnswer)).isEqualTo("billing_rate_limited");
                    long retryAfter = Long.parseLong(limitedAnswer.headers().firstValue("Retry-After").orElseThrow(
                            () -> new AssertionError("429 without Retry-After: " + limitedAnswer.body())));
                    assertThat(retryAfter).isBetween(1L, 5L);
                    Thread.sleep(retryAfter * 1000);
                } else {
                    Thread.sleep(500);
                }
                HttpResponse<String> next = checkout(tokens.get(c), "Storm", "storm-" + c, false);
                seen.add(next);
                answer = next;
            }
            return seen;
        });

        List<Integer> statuses = answers.stream().flatMap(List::stream).map(HttpResponse::statusCode).toList();
        System.out.printf("429 storm: %d customers, %d checkout answers %s%n", customers, statuses.size(), statuses);
        assertThat(answers).as("every customer completed").allMatch(a -> a.get(a.size() - 1).statusCode() == 200);
        assertThat(statuses).as("some customers saw the rate limit (%d 429s from Zuora)", limited).contains(429);
        assertThat(zuora.state().requests().stream().filter(r -> r.status() == 429).count())
                .as("Zuora's 429s").isEqualTo(limited);
        assertThat(zuora.state().accountCount()).as("one account per customer").isEqualTo(customers);
        assertThat(zuora.state().orderCount()).as("one order per customer").isEqualTo(customers);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(customers * SUITE_PRODUCTS_PER_CART);
    }

    // 5. ------------------------------------------------------------------------------------------------

    @Test
    void during_an_outage_many_customers_get_fast_503s_and_after_it_each_keyed_retry_books_once() throws Exception {
        startServer();
        int customers = 8;
        List<String> tokens = registerMany("outage", customers);
        zuora.faults().down(true);

        // the first wave meets the outage (Zuora's 503s, retried by the adapter) and opens the circuit
        List<Long> firstWave = concurrently(customers, c -> timedOutage(tokens.get(c), c));
        int zuoraRequests = zuora.state().requests().size();
        // the second wave finds the circuit open: 503 at once, Zuora not even asked
        List<Long> secondWave = concurrently(customers, c -> timedOutage(tokens.get(c), c));
        System.out.printf("outage: first wave %s ms, second wave (circuit open) %s ms%n", firstWave, secondWave);
        assertThat(firstWave).as("within the read timeout (5 s)").allMatch(ms -> ms < 5000);
        assertThat(secondWave).as("fast 503s while the circuit is open").allMatch(ms -> ms < 2000);
        assertThat(zuora.state().requests()).as("no call to Zuora while the circuit is open").hasSize(zuoraRequests);
        assertThat(zuora.state().accountCount()).isZero();

        zuora.faults().down(false);
        long recovery = System.nanoTime();
        // the circuit half-opens after 30 s; the customers keep retrying with their keys meanwhile (≤ 60 s)
        List<Integer> retries = concurrently(customers, c -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int attempts = 0;
            HttpResponse<String> answer;
            do {
                attempts++;
                answer = checkout(tokens.get(c), "Outage", "outage-" + c, false);
                if (answer.statusCode() != 200) {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                    Thread.sleep(1000);
                }
            } while (answer.statusCode() != 200 && System.nanoTime() < deadline);
            assertThat(answer.statusCode()).as("customer %d after the outage: %s", c, answer.body()).isEqualTo(200);
            return attempts;
        });
        System.out.printf("outage: every customer booked %d ms after Zuora was back, attempts %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recovery), retries);

        assertThat(zuora.state().accountCount()).as("one account per customer").isEqualTo(customers);
        assertThat(zuora.state().orderCount()).as("one order per customer").isEqualTo(customers);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(customers * SUITE_PRODUCTS_PER_CART);
        for (int c = 0; c < customers; c++) {
            assertThat(JSON.readTree(ok(call("GET", "/account/subscription", tokens.get(c), null, Map.of())).body())
                    .size()).as("customer %d's subscriptions", c).isEqualTo(SUITE_PRODUCTS_PER_CART);
        }
    }

    private long timedOutage(String token, int customer) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = checkout(token, "Outage", "outage-" + customer, false);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(code(answer)).isEqualTo("billing_unavailable");
        return millis;
    }

    // ---------------------------------------------------------------------------------------------------

    private interface Customer<T> {
        T run(int customer) throws Exception;
    }

    private static <T> List<T> concurrently(int customers, Customer<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                int customer = c;
                running.add(pool.submit(() -> work.run(customer)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> r : running) {
                results.add(r.get(90, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long subscriptionsWith(String productRatePlanId) {
        return zuora.state().subscriptionVersions().stream()
                .filter(v -> v.latest() && v.productRatePlanIds().contains(productRatePlanId)).count();
    }

    private HttpResponse<String> checkout(String token, String name, String key, boolean voucher) throws Exception {
        HttpResponse<String> answer = call("POST", "/subscription", token, CHECKOUT.formatted(name,
                name.toLowerCase(java.util.Locale.ROOT) + "@example.com",
                voucher ? ", \"voucher_code\": \"WELCOME10\"" : ""), Map.of("Idempotency-Key", key));
        checkoutStatuses.add(answer.statusCode());
        return answer;
    }

    private List<String> registerMany(String prefix, int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            tokens.add(register(prefix + c + "@example.com"));
        }
        return tokens;
    }

    private String register(String email) throws Exception {
        HttpResponse<String> registered = ok(call("POST", "/register", null, """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD), Map.of()));
        return JSON.readTree(registered.body()).path("token").asText();
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").path("code").asText();
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
