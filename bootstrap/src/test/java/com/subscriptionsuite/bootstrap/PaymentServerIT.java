package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.domain.identity.SecretHash;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Payment methods on the standalone server with the demo tenant, on H2 and on PostgreSQL: the
 * built-in hosted page (signature, then submission) and the built-in PayPal approval, with the
 * database adapters and the server's signing key.
 */
class PaymentServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "violet-anchor-tundra-47";
    private static final String CARD = "4111111111111111";
    /** The card's security code as a number on its own, not as digits inside a longer number. */
    private static final java.util.regex.Pattern SECURITY_CODE = java.util.regex.Pattern.compile("(?<!\\d)737(?!\\d)");
    private static TestPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String register(Server server, String email) throws Exception {
        return ok(post(server, "/register", "{\"user\":{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"}}")).path("token").asText();
    }

    /** Signs the demo's card page for the customer and submits a Visa card: the new method's id. */
    private static String card(Server server, String token) throws Exception {
        JsonNode signed = ok(get(server, "/payment-method/1/signature?locale=en", "Authorization", "Bearer " + token));
        assertThat(signed.path("id").asText()).isEqualTo("demo-card");
        String form = """
                {"token": "%s", "signature": "%s", "credit_card_number": "%s", "credit_card_holder_name": "Ann Example",
                 "credit_card_expiration_month": 12, "credit_card_expiration_year": 2030,
                 "credit_card_security_code": "737"}""".formatted(signed.path("token").asText(),
                signed.path("signature").asText(), CARD);
        String id = ok(post(server, "/payment-page/demo-card/submit", form)).path("refId").asText();
        HttpResponse<String> replayed = post(server, "/payment-page/demo-card/submit", form);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("payment_page_token_invalid");
        return id;
    }

    /** Starts PayPal and approves it with the payer's e-mail: the method's id. */
    private static String payPal(Server server, String token) throws Exception {
        JsonNode init = ok(get(server, "/payment-method/3/paypal/init", "Authorization", "Bearer " + token));
        JsonNode approved = ok(get(server, init.path("approval_url").asText() + "&payer_email=ann%40paypal.example"));
        assertThat(approved.path("status").asText()).isEqualTo("ACTIVE");
        return init.path("payment_method_id").asText();
    }

    private void assertTheFlowsWork(Server server) throws Exception {
        String ann = register(server, "ann@example.com");
        String bob = register(server, "bob@example.com");
        String bearer = "Bearer " + ann;
        assertThat(ok(get(server, "/payment-method/available?country=DE", "Authorization", bearer)).toString())
                .isEqualTo("[{\"id\":1,\"type\":\"CreditCard\"},{\"id\":2,\"type\":\"SEPA\"},"
                        + "{\"id\":3,\"type\":\"PayPal\"},{\"id\":4,\"type\":\"BankTransfer\"}]");

        String cardId = card(server, ann);
        JsonNode shown = ok(get(server, "/payment-method/" + cardId, "Authorization", bearer));
        assertThat(shown.path("data").path("credit_card_mask_number").asText()).isEqualTo("************1111");
        assertThat(get(server, "/payment-method/" + cardId, "Authorization", "Bearer " + bob).statusCode())
                .isEqualTo(404);

        String payPalId = payPal(server, ann);
        JsonNode active = ok(get(server, "/payment-method/" + payPalId, "Authorization", bearer)).path("data");
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("paypal_baid").asText()).startsWith("B-");
        assertThat(active.path("paypal_email").asText()).isEqualTo("ann@paypal.example");
    }

    @Test
    void takes_a_card_through_the_hosted_page_and_paypal_through_its_approval_on_h2_never_keeping_the_number()
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.subscriptionsuite");
        Level level = ours.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        ours.setLevel(Level.ALL);
        Path data = dir.resolve("db");
        try (Server server = start(env(data))) {
            assertTheFlowsWork(server);
        } finally {
            root.detachAppender(logs);
            ours.setLevel(level);
        }

        // the security code as a number of its own: a log line may carry a port or a time with 737 inside
        // (a start on port 38713 failed this once)
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(CARD).doesNotContainPattern(SECURITY_CODE));
        try (Database db = new Database(Database.h2File(data), "sa", "")) {
            List<Map<String, Object>> stored = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT data_key, data_value FROM payment_method_data").mapToMap().list());
            assertThat(stored).extracting(r -> r.get("data_value")).contains("************1111")
                    .noneMatch(v -> String.valueOf(v).contains(CARD)
                            || SECURITY_CODE.matcher(String.valueOf(v)).find());
            List<String> keys = db.jdbi().withHandle(h -> h.createQuery("SELECT secret FROM payment_page_key")
                    .mapTo(String.class).list());
            assertThat(keys).as("a key generated on first start").hasSize(1);
            List<String> tokenHashes = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT token_hash FROM payment_page_token").mapTo(String.class).list());
            assertThat(tokenHashes).hasSize(1).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void takes_a_card_and_paypal_on_postgresql_signing_with_the_configured_key() throws Exception {
        Map<String, String> env = env(dir, "SUITE_PAYMENT_PAGE_KEY", "configured-page-key-for-this-test-0123456789");
        env.put("SUITE_DB_URL", postgres.freshSchemaUrl());
        env.put("SUITE_DB_USER", TestPostgres.USER);
        env.put("SUITE_DB_PASSWORD", TestPostgres.PASSWORD);
        try (Server server = start(env)) {
            assertTheFlowsWork(server);
            String token = register(server, "cyd@example.com");
            JsonNode signed = ok(get(server, "/payment-method/2/signature", "Authorization", "Bearer " + token));
            assertThat(signed.path("key").asText())
                    .isEqualTo("hmac-sha256:" + SecretHash.of("configured-page-key-for-this-test-0123456789")
                            .substring(0, 16));
            assertThat(signed.path("locale").asText()).isEqualTo("de");
        }
    }
}
