package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.CustomerJourney.ok;
import static com.subscriptionsuite.bootstrap.CustomerJourney.send;
import static com.subscriptionsuite.bootstrap.CustomerJourney.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.adapters.persistence.Database;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, items 1 and 2: the server jar on its embedded default (H2 file database) is killed with
 * SIGKILL in the middle of concurrent checkouts and started again on the same data directory. Every
 * checkout that was answered 200 is still there with its subscription and invoice; no invoice,
 * account or subscription number was handed out twice; nothing half-written exists; and the checkouts
 * that the crash interrupted are retried with their Idempotency-Key until they complete: a key
 * claimed by the dead process is taken over after its lease ({@code SUITE_IDEMPOTENCY_LEASE_SECONDS},
 * a few seconds here), and a checkout that committed before the crash is replayed, never booked twice.
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final int CLIENTS = 8;
    private static final int CHECKOUTS_PER_CLIENT = 25;
    /** The kill comes once this many checkouts were answered 200, while the clients keep sending. */
    private static final int KILL_AFTER = 60;
    private static final int LEASE_SECONDS = 12;

    @TempDir
    Path dir;

    /** One checkout as a client saw it: its answer, or none when the connection broke (the crash). */
    private record Attempt(int client, String key, String body, int status, JsonNode answer) {
        boolean answered200() {
            return status == 200;
        }

        boolean interrupted() {
            return status == 0;
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void every_checkout_answered_before_a_sigkill_survives_and_interrupted_ones_complete_once_on_retry()
            throws Exception {
        Map<String, String> env = env();
        List<Attempt> attempts = new ArrayList<>();
        List<String> tokens;
        long loadMillis;
        try (ServerProcess first = ServerProcess.start(env, dir.resolve("first.log"))) {
            String base = "http://127.0.0.1:" + first.port();
            tokens = register(base);
            AtomicInteger answered = new AtomicInteger();
            AtomicBoolean dead = new AtomicBoolean();
            ConcurrentLinkedQueue<Attempt> seen = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            Instant loadStart = Instant.now();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    String token = tokens.get(client);
                    running.add(clients.submit(() -> checkOutUntilTheCrash(base, client, token, answered, dead,
                            seen)));
                }
                Instant deadline = Instant.now().plusSeconds(120);
                while (answered.get() < KILL_AFTER && Instant.now().isBefore(deadline)) {
                    Thread.sleep(5);
                }
                assertThat(answered.get()).as("checkouts answered 200 before the kill; server log:\n%s",
                        first.output()).isGreaterThanOrEqualTo(KILL_AFTER);
                loadMillis = Duration.between(loadStart, Instant.now()).toMillis();
                dead.set(true);
                first.kill();
                for (Future<?> r : running) {
                    r.get(60, TimeUnit.SECONDS);
                }
            } finally {
                clients.shutdownNow();
            }
            attempts.addAll(seen);
        }
        List<Attempt> confirmed = attempts.stream().filter(Attempt::answered200).toList();
        List<Attempt> interrupted = attempts.stream().filter(Attempt::interrupted).toList();
        System.out.printf("crash harness: %d checkouts answered 200 in %d ms (%.1f/s) by %d clients, %d interrupted"
                + " by the SIGKILL, %d other answers%n", confirmed.size(), loadMillis,
                confirmed.size() * 1000.0 / loadMillis, CLIENTS, interrupted.size(),
                attempts.size() - confirmed.size() - interrupted.size());
        assertThat(attempts).as("no answer other than 200 or a broken connection").allMatch(
                a -> a.answered200() || a.interrupted());
        Map<String, Instant> stuck = keysInFlight();
        System.out.printf("crash harness: the dead process left %d keys claimed in flight: %s%n", stuck.size(),
                stuck.keySet());
        assertThat(stuck.keySet()).as("only interrupted checkouts can be in flight")
                .isSubsetOf(interrupted.stream().map(Attempt::key).toList());

        try (ServerProcess second = ServerProcess.start(env, dir.resolve("second.log"))) {
            String base = "http://127.0.0.1:" + second.port();
            // the sessions survived the crash too: the clients go on with their tokens
            Map<Integer, Ledger> before = ledgers(base, tokens);

            // every checkout answered 200 is there, with its subscription and its invoice (id and number)
            List<String> lost = new ArrayList<>();
            for (Attempt a : confirmed) {
                Ledger ledger = before.get(a.client());
                boolean invoiced = a.answer().path("invoice_number").asText()
                        .equals(ledger.invoiceNumbers.get(a.answer().path("invoice_id").asText()));
                boolean subscribed = true;
                for (JsonNode s : a.answer().path("subscriptions")) {
                    subscribed &= ledger.subscriptionUuids.contains(s.path("uuid").asText());
                }
                if (!invoiced || !subscribed) {
                    lost.add(a.key() + " (" + a.answer().path("invoice_number").asText() + ")");
                }
            }
            assertThat(lost).as("of %d checkouts answered 200, lost after the restart", confirmed.size()).isEmpty();
            assertNoNumberTwice(before);
            assertNothingHalfWritten(before);

            // the interrupted checkouts are retried as the docs say (409 in flight: retry shortly)
            int waitedForLease = 0;
            int replayed = 0;
            Map<String, JsonNode> retried = new HashMap<>();
            Instant deadline = Instant.now().plusSeconds(LEASE_SECONDS + 30);
            for (Attempt a : interrupted) {
                Instant sent = Instant.now();
                HttpResponse<String> retry = checkOut(base, tokens.get(a.client()), a.key(), a.body());
                while (inFlight(retry) && Instant.now().isBefore(deadline)) {
                    waitedForLease++;
                    assertThat(stuck).as("%s answered in flight", a.key()).containsKey(a.key());
                    assertThat(sent).as("%s in flight only within its lease", a.key())
                            .isBefore(stuck.get(a.key()).plusSeconds(LEASE_SECONDS).plusMillis(1));
                    ServerProcess.sleep(Duration.ofMillis(250));
                    sent = Instant.now();
                    retry = checkOut(base, tokens.get(a.client()), a.key(), a.body());
                }
                assertThat(retry.statusCode()).as("retry of %s: %s", a.key(), retry.body()).isEqualTo(200);
                if (stuck.containsKey(a.key()) && retry.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    assertThat(Instant.now()).as("%s taken over only after its lease", a.key())
                            .isAfter(stuck.get(a.key()).plusSeconds(LEASE_SECONDS));
                }
                if (retry.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayed++;
                }
                retried.put(a.key(), JSON.readTree(retry.body()));
            }
            System.out.printf("crash harness: %d interrupted checkouts retried: %d replayed (committed before the"
                    + " kill), %d booked by the retry; %d retries answered 409 in flight until the lease ended%n",
                    interrupted.size(), replayed, interrupted.size() - replayed, waitedForLease);

            // a retry of an answered checkout replays it; each key booked exactly once
            if (!confirmed.isEmpty()) {
                Attempt a = confirmed.get(0);
                HttpResponse<String> again = checkOut(base, tokens.get(a.client()), a.key(), a.body());
                assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
                assertThat(JSON.readTree(again.body())).isEqualTo(a.answer());
            }
            Map<Integer, Ledger> after = ledgers(base, tokens);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                long keys = attempts.stream().filter(a -> a.client() == client).count();
                assertThat(after.get(c).subscriptionUuids).as("client %d: one subscription per key, none twice", c)
                        .hasSize((int) keys);
            }
            for (Attempt a : interrupted) {
                JsonNode answer = retried.get(a.key());
                assertThat(after.get(a.client()).invoiceNumbers).as("retried %s", a.key())
                        .containsEntry(answer.path("invoice_id").asText(), answer.path("invoice_number").asText());
            }
            assertNoNumberTwice(after);
            assertNothingHalfWritten(after);
            second.stop();
        }
        assertEveryBookingWholeInTheDatabase();
    }

    private Map<String, String> env() throws IOException {
        ObjectNode tenant = (ObjectNode) JSON.readTree(ServerIT.demoFile());
        // Starter may be subscribed to many times, so that one customer can check out again and again
        for (JsonNode product : tenant.path("catalog").path("suite_products")) {
            if (product.path("id").asLong() == 1) {
                ((ObjectNode) product).put("multiple_subscriptions_allowed", true);
            }
        }
        Path tenantFile = dir.resolve("tenant.json");
        Files.writeString(tenantFile, JSON.writeValueAsString(tenant));
        Map<String, String> env = new HashMap<>(ServerHarness.env(dir.resolve("data")));
        env.put("SUITE_DEMO_TENANT", "false");
        env.put("SUITE_TENANT_FILES", tenantFile.toString());
        env.put("SUITE_BILLING_RUN_MINUTES", "0");
        env.put("SUITE_IDEMPOTENCY_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        return env;
    }

    private static String email(int client) {
        return "client" + client + "@example.com";
    }

    private static List<String> register(String base) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            tokens.add(token(send(base, "POST", "/register", null, """
                    {"user": {"email": "%s", "password": "%s"}}""".formatted(email(c), PASSWORD), Map.of())));
        }
        return tokens;
    }

    private static void checkOutUntilTheCrash(String base, int client, String token, AtomicInteger answered,
            AtomicBoolean dead, ConcurrentLinkedQueue<Attempt> seen) {
        for (int n = 0; n < CHECKOUTS_PER_CLIENT && !dead.get(); n++) {
            String key = "crash-" + client + "-" + n;
            String body = """
                    {"suite_products": [{"id": 1, "quantity": %d, "order_pos": 0}],
                     "account": {"is_company": false, "first_name": "Client", "last_name": "No %d",
                      "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                      "email": "%s", "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}}"""
                    .formatted(1 + n % 9, client, email(client));
            try {
                HttpResponse<String> response = checkOut(base, token, key, body);
                JsonNode answer = JSON.readTree(response.body());
                seen.add(new Attempt(client, key, body, response.statusCode(), answer));
                if (response.statusCode() == 200) {
                    answered.incrementAndGet();
                }
            } catch (IOException e) {
                // the connection broke: the server was killed while (or before) it handled this checkout
                seen.add(new Attempt(client, key, body, 0, null));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpResponse<String> checkOut(String base, String token, String key, String body)
            throws IOException, InterruptedException {
        return send(base, "POST", "/subscription", token, body, Map.of("Idempotency-Key", key));
    }

    private static boolean inFlight(HttpResponse<String> response) {
        return response.statusCode() == 409 && response.body().contains("idempotency_request_in_flight");
    }

    /** What one customer's account shows: subscription uuids, numbers, and invoices (id to number). */
    private static final class Ledger {
        final Set<String> subscriptionUuids = new HashSet<>();
        final List<String> subscriptionNumbers = new ArrayList<>();
        final Set<String> accountNumbers = new HashSet<>();
        final Map<String, String> invoiceNumbers = new HashMap<>();
    }

    private static Map<Integer, Ledger> ledgers(String base, List<String> tokens) throws Exception {
        Map<Integer, Ledger> ledgers = new HashMap<>();
        for (int c = 0; c < CLIENTS; c++) {
            Ledger ledger = new Ledger();
            for (JsonNode s : ok(send(base, "GET", "/account/subscription", tokens.get(c), null, Map.of()))) {
                ledger.subscriptionUuids.add(s.path("uuid").asText());
                ledger.subscriptionNumbers.add(s.path("subscription").path("subscription_number").asText());
                ledger.accountNumbers.add(s.path("subscription").path("account_number").asText());
            }
            for (JsonNode i : ok(send(base, "GET", "/account/invoice", tokens.get(c), null, Map.of()))) {
                ledger.invoiceNumbers.put(i.path("id").asText(), i.path("invoice_number").asText());
            }
            ledgers.put(c, ledger);
        }
        return ledgers;
    }

    private static void assertNoNumberTwice(Map<Integer, Ledger> ledgers) {
        List<String> invoices = new ArrayList<>();
        List<String> subscriptions = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        ledgers.values().forEach(l -> {
            invoices.addAll(l.invoiceNumbers.values());
            subscriptions.addAll(l.subscriptionNumbers);
            assertThat(l.accountNumbers).as("one account per customer").hasSizeLessThanOrEqualTo(1);
            accounts.addAll(l.accountNumbers);
        });
        assertThat(invoices).as("invoice numbers").doesNotHaveDuplicates();
        assertThat(subscriptions).as("subscription numbers").doesNotHaveDuplicates();
        assertThat(accounts).as("account numbers").doesNotHaveDuplicates();
    }

    /** Each checkout books one subscription and its one invoice: a customer has as many of each. */
    private static void assertNothingHalfWritten(Map<Integer, Ledger> ledgers) {
        ledgers.forEach((client, l) -> assertThat(l.invoiceNumbers).as("client %d's invoices", client)
                .hasSameSizeAs(l.subscriptionUuids));
    }

    /** The keys the dead process left in flight and their claims' stamps, read from its database file. */
    private Map<String, Instant> keysInFlight() {
        try (Database database = new Database(Database.h2File(dir.resolve("data")), "sa", "")) {
            Map<String, Instant> stamps = new HashMap<>();
            database.jdbi().useHandle(h -> h.createQuery(
                    "SELECT idem_key, created_at FROM idempotency_record WHERE status IS NULL")
                    .map((rs, ctx) -> Map.entry(rs.getString(1),
                            rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                    .forEach(e -> stamps.put(e.getKey(), e.getValue())));
            return stamps;
        }
    }

    /** After a clean stop, the tables themselves: every subscription invoiced once, every invoice with lines. */
    private void assertEveryBookingWholeInTheDatabase() {
        try (Database database = new Database(Database.h2File(dir.resolve("data")), "sa", "")) {
            database.jdbi().useHandle(h -> {
                assertThat(h.createQuery("""
                        SELECT COUNT(*) FROM subscription s
                         WHERE (SELECT COUNT(*) FROM invoice_line l
                                 WHERE l.tenant_id = s.tenant_id AND l.subscription_number = s.subscription_number) <> 1
                        """).mapTo(Integer.class).one()).as("subscriptions not invoiced exactly once").isZero();
                assertThat(h.createQuery("""
                        SELECT COUNT(*) FROM invoice i
                         WHERE NOT EXISTS (SELECT 1 FROM invoice_line l
                                            WHERE l.tenant_id = i.tenant_id AND l.invoice_id = i.id)
                        """).mapTo(Integer.class).one()).as("invoices without lines").isZero();
                assertThat(h.createQuery("SELECT COUNT(*) FROM idempotency_record WHERE status IS NULL")
                        .mapTo(Integer.class).one()).as("keys still in flight").isZero();
            });
        }
    }
}
