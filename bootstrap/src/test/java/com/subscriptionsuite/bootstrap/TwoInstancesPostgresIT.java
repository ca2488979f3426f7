package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's scale-out on one PostgreSQL: two standalone servers (each with its own pool, jobs and HTTP
 * port, as two processes behind a load balancer would be) on one embedded PostgreSQL schema, driven at
 * once. A keyed checkout sent to both books once and both answer the same; one customer's double
 * checkout without a key books once and the other is refused; a logout on one refuses the token on the
 * other at once; the bill run started on both at the same moment invoices each due subscription once;
 * hot voucher codes raced from both are never redeemed beyond their limits.
 */
class TwoInstancesPostgresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A thread per racer: CompletableFuture's default pool may have a single thread on two cores (JDK 25's
     * does), which would run the races one after the other and prove nothing about them.
     */
    private static final ExecutorService RACERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "racer");
        thread.setDaemon(true);
        return thread;
    });
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String CART = """
            {"suite_products": [{"id": 1, "quantity": 2, "order_pos": 0}],
             "account": {"is_company": false, "first_name": "%s", "last_name": "Example", "street": "Invalidenstr. 1",
                         "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "%s",
                         "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}}""";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private String url;
    private Server a;
    private Server b;

    private static final String ADMIN_KEY = "two-instances-admin-key-for-this-test-0123456789";
    private Path tenantFile;

    @BeforeEach
    void twoServersOnOneDatabase() throws Exception {
        url = TestPostgres.shared().freshSchemaUrl();
        tenantFile = dir.resolve("demo.json");
        java.nio.file.Files.writeString(tenantFile,
                withHotCodes(RevenueServerIT.withKey(ServerIT.demoFile(), ADMIN_KEY)));
        a = start(dir.resolve("a"));
        b = start(dir.resolve("b"));
    }

    /**
     * The demo file with two more multi-use codes to race for: HOT-FIVE (5 redemptions in all) and
     * HOT-TWICE (2 per customer).
     */
    private static String withHotCodes(String file) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(file);
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("campaigns")).add(JSON.readTree("""
                {"id": 3, "name": "Hot five", "discount_rate_plan_id": 51, "kind": "multi_use", "total_limit": 5,
                 "codes": ["HOT-FIVE"]}""")).add(JSON.readTree("""
                {"id": 4, "name": "Hot twice", "discount_rate_plan_id": 51, "kind": "multi_use",
                 "per_customer_limit": 2, "codes": ["HOT-TWICE"]}"""));
        return JSON.writeValueAsString(root);
    }

    /** The demo shop from its file (with an admin key), tenants refreshed from the database every second. */
    private Server start(Path data) {
        return Server.start(ServerConfig.fromEnvironment(ServerHarness.env(data, "SUITE_DB_URL", url, "SUITE_DB_USER",
                TestPostgres.USER, "SUITE_DB_PASSWORD", TestPostgres.PASSWORD, "SUITE_BILLING_RUN_MINUTES", "0",
                "SUITE_DEMO_TENANT", "false", "SUITE_TENANT_FILES", tenantFile.toString(),
                "SUITE_TENANT_REFRESH_SECONDS", "1")), clock, Argon2PasswordHasher.forTests());
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static HttpResponse<String> call(Server server, String method, String path, String token, String body,
            Map<String, String> headers) throws Exception {
        return CustomerJourney.send("http://127.0.0.1:" + server.port(), method, path, token, body, headers);
    }

    private String register(Server server, String email) throws Exception {
        HttpResponse<String> r = call(server, "POST", "/register", null, """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("token").asText();
    }

    private long subscriptions(Server server, String token) throws Exception {
        HttpResponse<String> r = call(server, "GET", "/account/subscription", token, null, Map.of());
        return r.statusCode() == 404 ? 0 : JSON.readTree(r.body()).size();
    }

    @Test
    void a_keyed_checkout_sent_to_both_books_once_and_both_answer_the_same() throws Exception {
        String ann = register(a, "ann@example.com");
        String body = CART.formatted("Ann", "ann@example.com");
        Map<String, String> key = Map.of("Idempotency-Key", "ann-order-1");

        var onA = CompletableFuture.supplyAsync(() -> keyedUntilAnswered(a, ann, body, key), RACERS);
        var onB = CompletableFuture.supplyAsync(() -> keyedUntilAnswered(b, ann, body, key), RACERS);
        HttpResponse<String> first = onA.get();
        HttpResponse<String> second = onB.get();

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JSON.readTree(second.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(subscriptions(a, ann)).isEqualTo(1);
        assertThat(subscriptions(b, ann)).isEqualTo(1);
    }

    /** A keyed request while the same key is in flight elsewhere is 409 idempotency_request_in_flight: retried. */
    private static HttpResponse<String> keyedUntilAnswered(Server server, String token, String body,
            Map<String, String> key) {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                HttpResponse<String> r = call(server, "POST", "/subscription", token, body, key);
                if (r.statusCode() != 409 || !r.body().contains("idempotency_request_in_flight")
                        || System.nanoTime() > deadline) {
                    return r;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void one_customers_double_checkout_without_a_key_books_once_and_refuses_the_other() throws Exception {
        String bob = register(a, "bob@example.com");
        String body = CART.formatted("Bob", "bob@example.com");

        var onA = CompletableFuture.supplyAsync(() -> unchecked(() -> call(a, "POST", "/subscription", bob, body,
                Map.of())), RACERS);
        var onB = CompletableFuture.supplyAsync(() -> unchecked(() -> call(b, "POST", "/subscription", bob, body,
                Map.of())), RACERS);
        List<Integer> statuses = List.of(onA.get().statusCode(), onB.get().statusCode());

        assertThat(statuses).as(onA.get().body() + " / " + onB.get().body()).containsExactlyInAnyOrder(200, 409);
        assertThat(subscriptions(b, bob)).isEqualTo(1);
    }

    @Test
    void a_logout_on_one_instance_refuses_the_token_on_the_other_at_once() throws Exception {
        String cleo = register(a, "cleo@example.com");
        assertThat(call(b, "GET", "/account/subscription", cleo, null, Map.of()).statusCode()).isNotEqualTo(401);

        assertThat(call(a, "POST", "/logout", cleo, null, Map.of()).statusCode()).isEqualTo(200);

        assertThat(call(b, "GET", "/account/subscription", cleo, null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void the_bill_run_started_on_both_at_once_invoices_each_due_subscription_once() throws Exception {
        for (String name : List.of("dora", "emil", "fred")) {
            String token = register(a, name + "@example.com");
            HttpResponse<String> r = call(b, "POST", "/subscription", token, CART.formatted(name, name + "@example.com"),
                    Map.of());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        clock.advance(Duration.ofDays(31));

        var onA = CompletableFuture.supplyAsync(() -> a.engine().runBilling().bill(1), RACERS);
        var onB = CompletableFuture.supplyAsync(() -> b.engine().runBilling().bill(1), RACERS);
        int invoices = onA.get().invoiceIds().size() + onB.get().invoiceIds().size();

        assertThat(invoices).as("three monthly subscriptions due, each invoiced once").isEqualTo(3);
        assertThat(a.engine().runBilling().bill(1).invoiceIds()).isEmpty();
    }

    @Test
    void a_single_use_code_raced_from_both_instances_is_held_and_redeemed_once() throws Exception {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(register(i % 2 == 0 ? a : b, "racer" + i + "@example.com"));
        }
        List<CompletableFuture<HttpResponse<String>>> holds = new java.util.ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Server server = i % 2 == 0 ? a : b;
            String token = tokens.get(i);
            holds.add(CompletableFuture.supplyAsync(() -> unchecked(() -> call(server, "POST",
                    "/voucher-code/SPRING27-9CVNGX/init", token, "{\"page_id\": 1}", Map.of())), RACERS));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        int winner = -1;
        for (int i = 0; i < holds.size(); i++) {
            HttpResponse<String> r = holds.get(i).get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                winner = i;
            } else {
                assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
            }
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).as("held once: %s", statuses).isEqualTo(1);

        String body = CART.formatted("Racer", "racer" + winner + "@example.com").replace("\"account\"",
                "\"voucher_code\": \"SPRING27-9CVNGX\", \"account\"");
        HttpResponse<String> redeemed = call(winner % 2 == 0 ? b : a, "POST", "/subscription", tokens.get(winner),
                body, Map.of());
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        String other = tokens.get(winner == 0 ? 1 : 0);
        assertThat(call(a, "POST", "/voucher-code/SPRING27-9CVNGX/init", other, "{\"page_id\": 1}", Map.of()).statusCode())
                .as("redeemed: nobody holds it again").isBetween(400, 499);
    }

    /** Holds the code, and if that worked consumes it: "redeemed", or the error code that stopped it. */
    private static String holdThenConsume(Server server, String token, String code) throws Exception {
        for (String step : List.of("init", "consume")) {
            HttpResponse<String> r = call(server, "POST", "/voucher-code/" + code + "/" + step, token,
                    "{\"page_id\": 1}", Map.of());
            if (r.statusCode() != 200) {
                assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
                return JSON.readTree(r.body()).path("error").path("code").asText();
            }
        }
        return "redeemed";
    }

    private long redemptions(String code) {
        return org.jdbi.v3.core.Jdbi.create(url, TestPostgres.USER, TestPostgres.PASSWORD).withHandle(h -> h
                .createQuery("SELECT COUNT(*) FROM voucher_redemption WHERE code = :code").bind("code", code)
                .mapTo(Long.class).one());
    }

    private static Map<String, Long> tally(List<String> outcomes) {
        return outcomes.stream().collect(java.util.stream.Collectors.groupingBy(o -> o,
                java.util.stream.Collectors.counting()));
    }

    @Test
    void a_multi_use_code_with_a_total_limit_raced_from_both_instances_is_redeemed_exactly_up_to_it()
            throws Exception {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            tokens.add(register(i % 2 == 0 ? a : b, "hot" + i + "@example.com"));
        }
        List<CompletableFuture<String>> races = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) { // each customer twice, once on each instance
            for (int i = 0; i < tokens.size(); i++) {
                Server server = (i + round) % 2 == 0 ? a : b;
                String token = tokens.get(i);
                races.add(CompletableFuture.supplyAsync(() -> unchecked(() -> holdThenConsume(server, token,
                        "hot-five")), RACERS));
            }
        }
        List<String> outcomes = races.stream().map(CompletableFuture::join).toList();

        assertThat(tally(outcomes)).as("outcomes").containsEntry("redeemed", 5L);
        assertThat(outcomes).as("the rest refused with the documented error")
                .allMatch(o -> List.of("redeemed", "voucher_limit_reached", "voucher_not_held").contains(o));
        for (int i = 0; i < tokens.size(); i++) { // a customer's two calls share one hold: one redeems it
            List<String> own = List.of(outcomes.get(i), outcomes.get(tokens.size() + i));
            if (own.contains("voucher_not_held")) {
                assertThat(own).as("customer %d", i).contains("redeemed");
            }
        }
        assertThat(redemptions("HOT-FIVE")).as("redemptions stored").isEqualTo(5);
        assertThat(holdThenConsume(b, register(a, "late@example.com"), "HOT-FIVE"))
                .isEqualTo("voucher_limit_reached");
    }

    @Test
    void a_code_with_a_per_customer_limit_raced_by_one_customer_on_both_instances_is_never_redeemed_beyond_it()
            throws Exception {
        String token = register(a, "eager@example.com");
        List<CompletableFuture<String>> races = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Server server = i % 2 == 0 ? a : b;
            races.add(CompletableFuture.supplyAsync(() -> unchecked(() -> holdThenConsume(server, token,
                    "HOT-TWICE")), RACERS));
        }
        List<String> outcomes = races.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).allMatch(o -> List.of("redeemed", "voucher_not_held", "voucher_already_redeemed")
                .contains(o));
        assertThat(redemptions("HOT-TWICE")).as("never beyond the limit: %s", outcomes).isBetween(1L, 2L);

        for (int i = 0; i < 3 && redemptions("HOT-TWICE") < 2; i++) {
            assertThat(holdThenConsume(i % 2 == 0 ? b : a, token, "HOT-TWICE")).isEqualTo("redeemed");
        }
        assertThat(redemptions("HOT-TWICE")).isEqualTo(2);
        assertThat(holdThenConsume(b, token, "HOT-TWICE")).isEqualTo("voucher_already_redeemed");
        assertThat(holdThenConsume(a, register(b, "other@example.com"), "HOT-TWICE"))
                .as("another customer's own limit").isEqualTo("redeemed");
    }

    @Test
    void a_tenant_change_on_one_instance_is_served_by_the_other_within_the_refresh_interval() throws Exception {
        assertThat(call(b, "GET", "/product/2", null, null, Map.of()).statusCode()).isEqualTo(200);

        assertThat(call(a, "DELETE", "/product/2", ADMIN_KEY, null, Map.of()).statusCode()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = call(b, "GET", "/product/2", null, null, Map.of()).statusCode();
        }
        assertThat(status).as("the other instance no longer serves the removed product").isEqualTo(404);
    }

    private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
