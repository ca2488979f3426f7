package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business meters on /metrics (docs/observability.md): checkouts, changes and cancels by outcome,
 * voucher holds and redemptions, outbound calls (VIES, mail) by outcome, and the scheduled jobs' runs
 * and lag, from what a customer does over HTTP on the real server.
 */
class BusinessMetersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = """
            {"is_company": false, "first_name": "Ann", "last_name": "Example", "street": "Invalidenstr. 1",
             "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "%s", "phone": "+49 30 123456",
             "vat_id": "", "currency": "EUR"}""";

    @TempDir
    Path dataDir;

    @Test
    void what_customers_do_shows_as_business_meters_by_outcome() throws Exception {
        try (Server server = start(env(dataDir, "SUITE_METRICS_PORT", "0", "SUITE_EVENTS_POLL_MILLIS", "50"))) {
            String base = "http://127.0.0.1:" + server.port();
            String ann = register(base, "ann@example.com");
            String bob = register(base, "bob@example.com");

            // voucher holds: one held, one refused (unknown code), one refused (held by somebody else)
            assertThat(send(base, "POST", "/voucher-code/SPRING27-9CVNGX/init", ann, "{\"page_id\": 1}").statusCode())
                    .isEqualTo(200);
            int unknown = send(base, "POST", "/voucher-code/NO-SUCH-CODE/init", ann, "{\"page_id\": 1}").statusCode();
            assertThat(unknown).isBetween(400, 499);
            assertThat(send(base, "POST", "/voucher-code/SPRING27-9CVNGX/init", bob, "{\"page_id\": 1}").statusCode())
                    .isBetween(400, 499);

            // checkouts: one refused (no such product), one booked with the held code
            HttpResponse<String> refused = send(base, "POST", "/subscription", bob, """
                    {"suite_products": [{"id": 999999, "quantity": 1, "order_pos": 0}], "account": %s}"""
                    .formatted(ACCOUNT.formatted("bob@example.com")));
            assertThat(refused.statusCode()).isBetween(400, 499);
            JsonNode booked = ok(send(base, "POST", "/subscription", ann, """
                    {"suite_products": [{"id": 1, "quantity": 2, "order_pos": 0}], "voucher_code": "SPRING27-9CVNGX",
                     "account": %s}""".formatted(ACCOUNT.formatted("ann@example.com"))));
            String uuid = booked.path("subscriptions").get(0).path("uuid").asText();

            // a cancel booked, then a quantity change refused (the cancel is pending); previews are not counted
            assertThat(send(base, "GET", "/product/" + uuid + "/preview/cancel", ann, null).statusCode()).isEqualTo(200);
            ok(send(base, "PUT", "/product/" + uuid + "/cancel", ann, null));
            assertThat(send(base, "PUT", "/product/" + uuid + "/quantity/3", ann, null).statusCode()).isBetween(400, 499);

            // outbound: a VAT ID check against VIES (unreachable in tests) and a password reset mail
            send(base, "GET", "/account/vat-validate/DE136695976", ann, null);
            assertThat(send(base, "POST", "/password-reset/init", null, "{\"email\": \"ann@example.com\"}").statusCode())
                    .isEqualTo(200);

            String metrics = awaitScrape(server, "suite_job_runs_seconds_count{job=\"event_delivery\",outcome=\"ok\"}");

            assertThat(value(metrics, "suite_checkouts_seconds_count", "outcome=\"ok\"")).isEqualTo(1);
            assertThat(value(metrics, "suite_checkouts_seconds_count", "outcome=\"suite_product_not_found\"")).isEqualTo(1);
            assertThat(value(metrics, "suite_voucher_holds_seconds_count", "outcome=\"ok\"")).isEqualTo(1);
            assertThat(metrics.lines().filter(l -> l.startsWith("suite_voucher_holds_seconds_count{")
                    && !l.contains("outcome=\"ok\"")).mapToDouble(BusinessMetersIT::number).sum()).isEqualTo(2);
            assertThat(value(metrics, "suite_voucher_redemptions_total", "via=\"checkout\"")).isEqualTo(1);
            assertThat(value(metrics, "suite_subscription_changes_seconds_count", "kind=\"cancel\"", "outcome=\"ok\""))
                    .isEqualTo(1);
            assertThat(metrics.lines().filter(l -> l.startsWith("suite_subscription_changes_seconds_count{")
                    && l.contains("kind=\"quantity\"") && !l.contains("outcome=\"ok\""))
                    .mapToDouble(BusinessMetersIT::number).sum()).isEqualTo(1);
            assertThat(metrics).doesNotContain("kind=\"preview");
            assertThat(value(metrics, "suite_outbound_calls_seconds_count", "system=\"vies\"", "operation=\"check\"",
                    "outcome=\"unavailable\"")).isEqualTo(1);
            assertThat(value(metrics, "suite_outbound_calls_seconds_count", "system=\"mail\"", "operation=\"send\"",
                    "outcome=\"ok\"")).isPositive();
            assertThat(metrics).contains("suite_job_lag_seconds_count{job=\"event_delivery\"")
                    .contains("suite_job_last_success_timestamp_seconds{job=\"event_delivery\"");
            // no request data in a tag
            assertThat(metrics).doesNotContain(uuid).doesNotContain("ann@example.com").doesNotContain("SPRING27");
        }
    }

    @Test
    void a_scheduled_job_that_fails_counts_as_an_error_and_keeps_its_schedule() throws Exception {
        try (Server server = start(env(dataDir, "SUITE_METRICS_PORT", "0", "SUITE_EVENTS_POLL_MILLIS", "50"));
                java.sql.Connection sql = java.sql.DriverManager.getConnection(
                        com.subscriptionsuite.adapters.persistence.Database.h2File(dataDir), "sa", "")) {
            awaitScrape(server, "suite_job_runs_seconds_count{job=\"event_delivery\",outcome=\"ok\"}");

            // the event delivery's consumers are gone: every round fails until they are back
            sql.createStatement().execute("ALTER TABLE event_consumer RENAME TO event_consumer_away");
            String failing = awaitScrape(server, "suite_job_runs_seconds_count{job=\"event_delivery\",outcome=\"error\"}");
            assertThat(value(failing, "suite_job_runs_seconds_count", "job=\"event_delivery\"", "outcome=\"error\""))
                    .isPositive();
            double okBefore = value(failing, "suite_job_runs_seconds_count", "job=\"event_delivery\"",
                    "outcome=\"ok\"");

            sql.createStatement().execute("ALTER TABLE event_consumer_away RENAME TO event_consumer");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            double okAfter = okBefore;
            while (okAfter <= okBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
                okAfter = value(awaitScrape(server, "suite_job_runs_seconds_count"), "suite_job_runs_seconds_count",
                        "job=\"event_delivery\"", "outcome=\"ok\"");
            }
            assertThat(okAfter).as("the job still runs after failing").isGreaterThan(okBefore);
        }
    }

    private static double value(String metrics, String name, String... tags) {
        return metrics.lines().filter(l -> l.startsWith(name + "{"))
                .filter(l -> java.util.Arrays.stream(tags).allMatch(l::contains))
                .mapToDouble(BusinessMetersIT::number).sum();
    }

    private static double number(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static String awaitScrape(Server server, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.metricsPort().orElseThrow() + "/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(expected) || System.nanoTime() > deadline) {
                return body;
            }
            Thread.sleep(50);
        }
    }

    private static String register(String base, String email) throws Exception {
        return ok(send(base, "POST", "/register", null, """
                {"user": {"email": "%s", "password": "correct horse battery staple 7"}}""".formatted(email)))
                .path("token").asText();
    }

    private static HttpResponse<String> send(String base, String method, String path, String token, String body)
            throws Exception {
        return CustomerJourney.send(base, method, path, token, body, Map.of());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
