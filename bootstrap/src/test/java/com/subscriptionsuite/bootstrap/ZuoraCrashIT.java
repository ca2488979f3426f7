package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.CustomerJourney.ok;
import static com.subscriptionsuite.bootstrap.CustomerJourney.send;
import static com.subscriptionsuite.bootstrap.CustomerJourney.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.zuora.ZuoraTestCatalogs;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileReader;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, fault tests: the server (its own process, H2 file database) in front of Zuora is killed
 * with SIGKILL after it sent the checkout's order to Zuora and before the answer came back; Zuora
 * books the order anyway. The operation is left pending in the engine's database, the server started
 * again on the same data directory names it in doubt, and the customer's retry with the same
 * Idempotency-Key (once the dead process's claim on the key has run out) completes it: Zuora answers
 * its first booking, so exactly one account and one subscription per suite product exist, and the
 * held voucher is redeemed once.
 */
class ZuoraCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String CHECKOUT = """
            {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}, {"id": 3, "quantity": 1, "order_pos": 1}],
             "account": {"is_company": false, "first_name": "Ann", "last_name": "Example",
                         "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                         "email": "ann@example.com", "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"},
             "voucher_code": "WELCOME10"}""";
    private static final String KEY = "ann-crash-1";
    private static final int LEASE_SECONDS = 2;
    /** Zuora holds the order this long before it books it: the server is killed meanwhile. */
    private static final long ORDER_DELAY_MILLIS = 3000;

    @TempDir
    Path dir;

    private ZuoraSimulator zuora;

    @AfterEach
    void checkZuora() {
        if (zuora != null) {
            ZuoraHarness.closeCheckingRequests(zuora);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void a_server_killed_while_zuora_books_the_order_leaves_it_in_doubt_and_the_keyed_retry_completes_it_once()
            throws Exception {
        zuora = ZuoraSimulator.start(ZuoraSimulator.options());
        TenantDefinition demo = ZuoraTestCatalogs.withZuoraIds(TenantFileReader
                .readResource(TenantFileLoader.DEMO_RESOURCE, "demo")
                .getOrElseThrow(problems -> new AssertionError(problems.toString())).definition());
        ZuoraTestCatalogs.seed(zuora, demo.catalog());
        Map<String, String> env = env();

        String ann;
        CompletableFuture<HttpResponse<String>> interrupted;
        try (ServerProcess first = ServerProcess.start(env, dir.resolve("first.log"))) {
            String base = "http://127.0.0.1:" + first.port();
            ann = token(send(base, "POST", "/register", null, """
                    {"user": {"email": "ann@example.com", "password": "%s"}}""".formatted(PASSWORD), Map.of()));
            ok(send(base, "POST", "/voucher-code/WELCOME10/init", ann, "{}", Map.of()));
            // the simulator's delay holds the request before it books it (its key in flight meanwhile)
            zuora.faults().on("POST", "/v1/orders").delay(1, ORDER_DELAY_MILLIS);

            String token = ann;
            interrupted = CompletableFuture.supplyAsync(() -> {
                try {
                    return send(base, "POST", "/subscription", token, CHECKOUT, Map.of("Idempotency-Key", KEY));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            await("the order reaching Zuora", Duration.ofSeconds(20), () -> zuora.state().idempotencyKeys().stream()
                    .anyMatch(k -> k.endsWith(":subscribe/order")));
            assertThat(zuora.state().orderCount()).as("not booked yet: Zuora is still holding it").isZero();
            first.kill();
        }
        try {
            HttpResponse<String> answer = interrupted.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the killed server answered: " + answer.statusCode() + " " + answer.body());
        } catch (ExecutionException expected) {
            assertThat(expected.getCause()).as("no answer: the connection broke").isInstanceOf(
                    java.io.UncheckedIOException.class);
        }
        await("Zuora booking the order of the dead server", Duration.ofSeconds(20),
                () -> zuora.state().orderCount() == 1);
        assertThat(zuora.state().accountCount()).isEqualTo(1);
        assertThat(zuora.state().subscriptionCount()).isEqualTo(2);

        // what the dead process left: the operation pending, the key in flight, the voucher not redeemed
        Pending pending = pending();
        assertThat(pending.operations()).as("billing operations never finished").hasSize(1);
        assertThat(pending.keysInFlight()).as("keys in flight").isEqualTo(1);
        assertThat(pending.redemptions()).as("voucher redemptions").isZero();

        // the server logs operations older than the idempotency lease (2 s here) as in doubt when it starts
        Instant startedAt = pending.operations().values().iterator().next();
        Duration untilInDoubt = Duration.between(Instant.now(), startedAt.plus(Server.inDoubtAfter(
                ServerConfig.fromEnvironment(env))).plusSeconds(1));
        if (!untilInDoubt.isNegative()) {
            ServerProcess.sleep(untilInDoubt);
        }
        try (ServerProcess second = ServerProcess.start(env, dir.resolve("second.log"))) {
            String opKey = pending.operations().keySet().iterator().next();
            assertThat(second.output()).as("the start names the operation in doubt").contains("in doubt")
                    .contains(opKey);
            String base = "http://127.0.0.1:" + second.port();

            HttpResponse<String> retried = send(base, "POST", "/subscription", ann, CHECKOUT,
                    Map.of("Idempotency-Key", KEY));
            Instant deadline = Instant.now().plusSeconds(LEASE_SECONDS + 20);
            while (retried.statusCode() == 409 && retried.body().contains("idempotency_request_in_flight")
                    && Instant.now().isBefore(deadline)) {
                ServerProcess.sleep(Duration.ofMillis(250));
                retried = send(base, "POST", "/subscription", ann, CHECKOUT, Map.of("Idempotency-Key", KEY));
            }

            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).as("completed now, not replayed").isEmpty();
            JsonNode subscribed = JSON.readTree(retried.body());
            assertThat(subscribed.path("subscriptions").size()).isEqualTo(2);
            assertThat(zuora.state().orderCount()).as("Zuora answered the dead server's booking").isEqualTo(1);
            assertThat(zuora.state().accountCount()).as("one account").isEqualTo(1);
            assertThat(zuora.state().subscriptionCount()).as("one subscription per suite product").isEqualTo(2);
            JsonNode subscriptions = ok(send(base, "GET", "/account/subscription", ann, null, Map.of()));
            assertThat(subscriptions.findValuesAsText("uuid")).containsExactlyInAnyOrderElementsOf(
                    subscribed.path("subscriptions").findValuesAsText("uuid"));
            HttpResponse<String> again = send(base, "POST", "/voucher-code/WELCOME10/init", ann, "{}", Map.of());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).contains("voucher_already_redeemed");
            second.stop();
        }
        Pending after = pending();
        assertThat(after.operations()).as("billing operations never finished").isEmpty();
        assertThat(after.keysInFlight()).isZero();
        assertThat(after.redemptions()).as("the voucher redeemed once").isEqualTo(1);
    }

    private Map<String, String> env() throws IOException {
        // the demo shop's tenant file with the Zuora ids ZuoraTestCatalogs gives (zprod<id>, zplan<id>, zcharge<id>)
        ObjectNode tenant = (ObjectNode) JSON.readTree(ServerIT.demoFile());
        for (JsonNode product : tenant.path("catalog").path("products")) {
            ((ObjectNode) product).put("zuora_id", "zprod" + product.path("id").asLong());
        }
        for (JsonNode plan : tenant.path("catalog").path("rate_plans")) {
            ((ObjectNode) plan).put("zuora_id", "zplan" + plan.path("id").asLong());
            for (JsonNode charge : plan.path("charges")) {
                ((ObjectNode) charge).put("zuora_id", "zcharge" + charge.path("id").asLong());
            }
        }
        Path tenantFile = dir.resolve("tenant.json");
        Files.writeString(tenantFile, JSON.writeValueAsString(tenant));
        Map<String, String> env = new HashMap<>(ServerHarness.env(dir.resolve("data")));
        env.put("SUITE_DEMO_TENANT", "false");
        env.put("SUITE_TENANT_FILES", tenantFile.toString());
        env.put("SUITE_BILLING", "zuora");
        env.put("SUITE_ZUORA_BASE_URL", zuora.baseUrl());
        env.put("SUITE_ZUORA_CLIENT_ID", zuora.clientId());
        env.put("SUITE_ZUORA_CLIENT_SECRET", zuora.clientSecret());
        env.put("SUITE_ZUORA_READ_TIMEOUT_MS", "10000");
        env.put("SUITE_IDEMPOTENCY_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        return env;
    }

    /** Read from the (stopped) server's database file. */
    private record Pending(Map<String, Instant> operations, int keysInFlight, int redemptions) {
    }

    private Pending pending() {
        try (Database database = new Database(Database.h2File(dir.resolve("data")), "sa", "")) {
            return database.jdbi().withHandle(h -> {
                Map<String, Instant> operations = new HashMap<>();
                h.createQuery("SELECT op_key, started_at FROM billing_operation WHERE finished_at IS NULL")
                        .map((rs, ctx) -> Map.entry(rs.getString(1),
                                rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                        .forEach(e -> operations.put(e.getKey(), e.getValue()));
                int inFlight = h.createQuery("SELECT COUNT(*) FROM idempotency_record WHERE status IS NULL")
                        .mapTo(Integer.class).one();
                int redemptions = h.createQuery("SELECT COUNT(*) FROM voucher_redemption").mapTo(Integer.class).one();
                return new Pending(operations, inFlight, redemptions);
            });
        }
    }

    private static void await(String what, Duration atMost, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            ServerProcess.sleep(Duration.ofMillis(50));
        }
    }
}
