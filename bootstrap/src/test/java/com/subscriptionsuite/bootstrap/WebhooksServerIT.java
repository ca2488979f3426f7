package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business events and webhooks over HTTP on the standalone server (docs/events.md, docs/webhooks.md):
 * a checkout, a change and a cancel produce their events, delivered signed to a real loopback
 * receiver that fails, times out and succeeds on cue; retries follow the server's clock; a delivery
 * is parked after its window and re-sent by the admin endpoint; and two servers on one PostgreSQL
 * deliver each event once, in order per subscription, one taking over the other's lease after it
 * stopped without releasing it.
 */
class WebhooksServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_loopback_test_secret";
    private static final String ADMIN_KEY = "webhook-admin-key-1";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String ACCOUNT = """
            {"is_company": false, "first_name": "Ann", "last_name": "Example", "street": "Invalidenstr. 1",
             "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "%s",
             "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}""";

    @TempDir
    Path dir;

    /** The demo tenant with an admin key and two endpoints: every event to /hook, cancels to /audit. */
    private Path tenantFile(WebhookReceiver receiver) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(ServerIT.demoFile());
        ArrayNode keys = ((ObjectNode) root.path("access")).putArray("admin_keys");
        keys.addObject().put("name", "ops").put("sha256", HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ADMIN_KEY.getBytes(StandardCharsets.UTF_8))));
        ArrayNode hooks = root.putArray("webhooks");
        ObjectNode all = hooks.addObject().put("name", "crm").put("url", receiver.url("/hook"))
                .put("secret_env", "HOOK_SECRET");
        all.putArray("events").add("*");
        ObjectNode audit = hooks.addObject().put("name", "audit").put("url", receiver.url("/audit"))
                .put("secret_env", "HOOK_SECRET");
        audit.putArray("events").add("subscription.cancel_booked");
        Path file = dir.resolve("tenant-with-webhooks.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        return file;
    }

    private Map<String, String> env(Path tenantFile, String... more) {
        Map<String, String> env = new HashMap<>(ServerHarness.env(dir.resolve("data"), "SUITE_DEMO_TENANT", "false",
                "SUITE_TENANT_FILES", tenantFile.toString(), "SUITE_BILLING_RUN_MINUTES", "0",
                "SUITE_EVENTS_POLL_MILLIS", "100", "SUITE_WEBHOOK_TIMEOUT_SECONDS", "1",
                "SUITE_WEBHOOK_RETRY_FIRST_SECONDS", "60", "HOOK_SECRET", SECRET));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void a_checkout_a_change_and_a_cancel_are_delivered_signed_retried_parked_and_resent() throws Exception {
        MutableClock clock = new MutableClock(CustomerJourney.START);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET);
                Server server = Server.start(ServerConfig.fromEnvironment(env(tenantFile(receiver))), clock,
                        Argon2PasswordHasher.forTests())) {
            String base = "http://127.0.0.1:" + server.port();
            receiver.plan("/hook", 500, WebhookReceiver.TIMEOUT);
            receiver.answer("/audit", 503);

            String ann = register(base, "ann@example.com");
            JsonNode subscribed = ok(CustomerJourney.send(base, "POST", "/subscription", ann, """
                    {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}, {"id": 3, "quantity": 1, "order_pos": 1}],
                     "account": %s}""".formatted(ACCOUNT.formatted("ann@example.com")), Map.of()));
            String starter = subscribed.path("subscriptions").get(0).path("uuid").asText();
            String annual = subscribed.path("subscriptions").get(1).path("uuid").asText();

            // the first attempt answered 500, the second timed out: both stay pending until the clock moves
            await("a failed and a timed-out attempt", () -> receiver.received().size() >= 2
                    && receiver.received().stream().anyMatch(r -> r.answered() == 0));
            JsonNode pending = ok(admin(base, "GET", "/admin/webhooks/deliveries?status=pending"));
            assertThat(pending.path("deliveries").findValuesAsText("last_error"))
                    .contains("HTTP 500", "timed out after 1000 ms");
            clock.advance(Duration.ofMinutes(2));
            await("the checkout's four events", () -> types(receiver.delivered("/hook")).size() == 4);
            assertThat(types(receiver.delivered("/hook"))).containsExactlyInAnyOrder("account.opened",
                    "subscription.created", "subscription.created", "invoice.raised");
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.signed()).isTrue());
            List<String> accountOrder = receiver.delivered("/hook").stream()
                    .filter(r -> r.eventType().equals("account.opened") || r.eventType().equals("invoice.raised"))
                    .map(WebhookReceiver.Received::eventType).toList();
            assertThat(accountOrder).as("an account's events in order").containsExactly("account.opened",
                    "invoice.raised");
            JsonNode created = JSON.readTree(receiver.delivered("/hook").stream()
                    .filter(r -> r.eventType().equals("subscription.created")).findFirst().orElseThrow().body());
            assertThat(created.path("data").path("charges").size()).isPositive();
            assertThat(created.path("data").path("charges").get(0).path("period_price").asText()).isNotEmpty();

            // ten days later: a quantity change and a cancel with notice
            clock.advance(Duration.between(clock.instant(), CustomerJourney.TEN_DAYS_LATER));
            ann = ok(CustomerJourney.send(base, "POST", "/login", null, """
                    {"email": "ann@example.com", "password": "%s"}""".formatted(PASSWORD), Map.of()))
                    .path("token").asText();
            ok(CustomerJourney.send(base, "PUT", "/product/" + starter + "/quantity/5", ann, null, Map.of()));
            ok(CustomerJourney.send(base, "PUT", "/product/" + annual + "/cancel", ann, null, Map.of()));
            // the change's invoice is an event of the account, the change and the cancel of their subscriptions:
            // each stream is delivered in order, the streams independently of each other, so wait for all three
            await("the change's and the cancel's events", () -> types(receiver.delivered("/hook"))
                    .containsAll(List.of("subscription.quantity_changed", "subscription.cancel_booked"))
                    && types(receiver.delivered("/hook")).stream().filter("invoice.raised"::equals).count() >= 2);
            assertThat(types(receiver.delivered("/hook")).stream().filter("invoice.raised"::equals)).hasSize(2);

            // /audit answers 503: retried, and parked once the 24 h window is over
            await("a failed attempt to /audit", () -> receiver.received().stream()
                    .anyMatch(r -> r.path().equals("/audit")));
            clock.advance(Duration.ofHours(25));
            await("the audit delivery parked", () -> failed(base).size() == 1);
            JsonNode parked = failed(base).get(0);
            assertThat(parked.path("endpoint").asText()).isEqualTo("audit");
            assertThat(parked.path("attempts").asInt()).isEqualTo(2);
            assertThat(parked.path("last_status").asInt()).isEqualTo(503);

            receiver.answer("/audit", 204);
            JsonNode resent = ok(admin(base, "POST", "/admin/webhooks/deliveries/" + parked.path("id").asText()
                    + "/resend"));
            assertThat(resent.path("status").asText()).isEqualTo("pending");
            await("the re-sent delivery", () -> receiver.delivered("/audit").size() == 1);
            assertThat(receiver.delivered("/audit").get(0).eventType()).isEqualTo("subscription.cancel_booked");

            // the cancel takes effect on 2027-11-21: subscription.cancelled is emitted then, once
            clock.advance(Duration.between(clock.instant(), Instant.parse("2027-11-21T06:00:00Z")));
            await("subscription.cancelled", () -> types(receiver.delivered("/hook")).contains("subscription.cancelled"));
            JsonNode cancelled = JSON.readTree(receiver.delivered("/hook").stream()
                    .filter(r -> r.eventType().equals("subscription.cancelled")).findFirst().orElseThrow().body());
            assertThat(cancelled.path("data").path("uuid").asText()).isEqualTo(annual);
            assertThat(cancelled.path("data").path("effective_date").asText()).isEqualTo("2027-11-21");

            // another tenant's admin key sees nothing of it; a delivered one is not re-sent
            assertThat(CustomerJourney.send(base, "GET", "/admin/webhooks/deliveries", "not-a-key", null, Map.of())
                    .statusCode()).isEqualTo(401);
            assertThat(admin(base, "POST", "/admin/webhooks/deliveries/" + parked.path("id").asText() + "/resend")
                    .statusCode()).isEqualTo(409);
            Map<String, Long> perEvent = receiver.delivered("/hook").stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::eventId, Collectors.counting()));
            assertThat(perEvent.values()).as("each event delivered once to /hook").containsOnly(1L);
        }
    }

    @Test
    void two_servers_on_one_postgresql_deliver_each_event_once_in_order_and_take_over_a_stopped_ones_lease()
            throws Exception {
        try (TestPostgres postgres = TestPostgres.start(); WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            String url = postgres.freshSchemaUrl();
            Path file = tenantFile(receiver);
            String[] pg = {"SUITE_DB_URL", url, "SUITE_DB_USER", TestPostgres.USER, "SUITE_DB_PASSWORD",
                    TestPostgres.PASSWORD, "SUITE_EVENTS_LEASE_SECONDS", "3"};
            Server first = Server.start(ServerConfig.fromEnvironment(env(file, pg)), Clock.systemUTC(),
                    Argon2PasswordHasher.forTests());
            try (Server second = Server.start(ServerConfig.fromEnvironment(env(file, pg)), Clock.systemUTC(),
                    Argon2PasswordHasher.forTests())) {
                List<String> bases = List.of("http://127.0.0.1:" + first.port(), "http://127.0.0.1:" + second.port());
                int customers = 6;
                for (int i = 0; i < customers; i++) {
                    String base = bases.get(i % 2);
                    String email = "c" + i + "@example.com";
                    String token = register(base, email);
                    ok(CustomerJourney.send(base, "POST", "/subscription", token, """
                            {"suite_products": [{"id": 1, "quantity": 2, "order_pos": 0}], "account": %s}"""
                            .formatted(ACCOUNT.formatted(email)), Map.of()));
                }
                // per customer: account.opened, subscription.created, invoice.raised
                await("every event at /hook", () -> receiver.delivered("/hook").size() >= 3 * customers);
                assertEachOnceInOrder(receiver.delivered("/hook"), 3 * customers);

                // the first server stops without giving up its leases (as a crash would leave them); the
                // second takes the consumer over once the lease has ended and delivers what comes next
                first.close();
                String token = register(bases.get(1), "late@example.com");
                ok(CustomerJourney.send(bases.get(1), "POST", "/subscription", token, """
                        {"suite_products": [{"id": 1, "quantity": 2, "order_pos": 0}], "account": %s}"""
                        .formatted(ACCOUNT.formatted("late@example.com")), Map.of()));
                await("the events booked after the stop", () -> receiver.delivered("/hook").size()
                        >= 3 * (customers + 1));
                assertEachOnceInOrder(receiver.delivered("/hook"), 3 * (customers + 1));
            } finally {
                first.close();
            }
        }
    }

    /** Each event exactly once, and for every subscription its creation before its invoice. */
    private static void assertEachOnceInOrder(List<WebhookReceiver.Received> delivered, int expected) throws Exception {
        Map<String, Long> perEvent = delivered.stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::eventId, Collectors.counting()));
        assertThat(perEvent).hasSize(expected);
        assertThat(perEvent.values()).containsOnly(1L);
        Map<String, List<String>> perKey = new HashMap<>();
        for (WebhookReceiver.Received r : delivered) {
            perKey.computeIfAbsent(JSON.readTree(r.body()).path("ordering_key").asText(), k -> new ArrayList<>())
                    .add(r.eventType());
        }
        perKey.forEach((key, types) -> {
            if (types.contains("invoice.raised")) {
                assertThat(types).as("events of %s", key).containsExactly("subscription.created", "invoice.raised");
            }
        });
        assertThat(delivered).allSatisfy(r -> assertThat(r.signed()).isTrue());
    }

    private static List<String> types(List<WebhookReceiver.Received> received) {
        return received.stream().map(WebhookReceiver.Received::eventType).toList();
    }

    private static List<JsonNode> failed(String base) {
        List<JsonNode> out = new ArrayList<>();
        try {
            ok(admin(base, "GET", "/admin/webhooks/deliveries?status=failed")).path("deliveries").forEach(out::add);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static HttpResponse<String> admin(String base, String method, String path) throws Exception {
        return CustomerJourney.send(base, method, path, ADMIN_KEY, null, Map.of());
    }

    private static String register(String base, String email) throws Exception {
        return ok(CustomerJourney.send(base, "POST", "/register", null, """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD), Map.of()))
                .path("token").asText();
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits (real time, at most 30 s) for something the delivery rounds do in the background. */
    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
