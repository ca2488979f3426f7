package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.mail.MailOutbox;
import com.subscriptionsuite.adapters.persistence.mail.MailOutbox.OutboxMail;
import com.subscriptionsuite.domain.identity.SecretHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity on the standalone server: real Argon2id, H2 file, the outbox as mail delivery. */
class IdentityServerIT {
    static final String PASSWORD = "violet-anchor-tundra-47";
    static final String ADMIN_KEY = "demo-admin-key-for-this-test-only-0123456789";

    @TempDir
    Path dir;

    private Path tenantFileWithAdminKey() throws IOException {
        Path file = dir.resolve("demo-admin.json");
        Files.writeString(file, ServerIT.demoFile().replace("\"admin_keys\": []",
                "\"admin_keys\": [{\"name\": \"ops\", \"sha256\": \"" + SecretHash.of(ADMIN_KEY) + "\"}]"));
        return file;
    }

    private List<OutboxMail> outbox(Path dataDir) {
        try (Database db = new Database(Database.h2File(dataDir), "sa", "")) {
            return new MailOutbox(db.jdbi()).recent(10);
        }
    }

    private static HttpResponse<String> delete(Server server, String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).DELETE();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void registers_logs_in_resets_the_password_by_mail_from_the_outbox_and_logs_out() throws Exception {
        Path data = dir.resolve("db");
        String token;
        try (Server server = start(env(data))) {
            HttpResponse<String> registered = post(server, "/register",
                    "{\"user\":{\"email\":\"Ann@Example.com\",\"password\":\"" + PASSWORD + "\"},\"language\":\"en\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            token = field(registered.body(), "token");
            assertThat(token.length()).isGreaterThanOrEqualTo(43);

            assertThat(post(server, "/login", "{\"email\":\"ann@example.com\",\"password\":\"wrong-password-1\"}")
                    .statusCode()).isEqualTo(401);
            assertThat(post(server, "/login", "{\"email\":\"ann@example.com\",\"password\":\"" + PASSWORD + "\"}")
                    .statusCode()).isEqualTo(200);

            assertThat(post(server, "/password-reset/init", "{\"email\":\"ann@example.com\"}").statusCode())
                    .isEqualTo(200);
            assertThat(post(server, "/password-reset/init", "{\"email\":\"nobody@example.com\"}").body())
                    .isEqualTo(post(server, "/password-reset/init", "{\"email\":\"ann@example.com\"}").body());
        }
        List<OutboxMail> mails = outbox(data);
        assertThat(mails).extracting(OutboxMail::to).containsOnly("ann@example.com");
        assertThat(mails).extracting(OutboxMail::subject).contains("Welcome to Cloud Office Demo GmbH");
        OutboxMail reset = mails.stream().filter(m -> m.subject().startsWith("Reset")).findFirst().orElseThrow();
        Matcher key = Pattern.compile("key: (\\S+)").matcher(reset.text());
        assertThat(key.find()).as(reset.text()).isTrue();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Outbox.print(ServerConfig.fromEnvironment(env(data)), 5, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("to ann@example.com").contains("Subject: Reset");

        try (Server server = start(env(data))) {
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
            assertThat(post(server, "/password-reset/confirm", "{\"confirm_key\":\"" + key.group(1)
                    + "\",\"password\":\"amber-kettle-spruce-81\"}").statusCode()).isEqualTo(200);
            assertThat(post(server, "/logout", "{}", "Authorization", "Bearer " + token).statusCode())
                    .as("the reset revoked the old session").isEqualTo(401);
            HttpResponse<String> again = post(server, "/login",
                    "{\"email\":\"ann@example.com\",\"password\":\"amber-kettle-spruce-81\"}");
            assertThat(again.statusCode()).isEqualTo(200);
            String fresh = field(again.body(), "token");
            assertThat(post(server, "/logout", "{}", "Authorization", "Bearer " + fresh).statusCode()).isEqualTo(200);
            assertThat(post(server, "/logout", "{}", "Authorization", "Bearer " + fresh).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void never_logs_a_password_and_stores_a_token_only_as_its_hash() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("com.subscriptionsuite");
        ch.qos.logback.classic.Level level = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.ALL);
        Path data = dir.resolve("db");
        String token;
        try (Server server = start(env(data))) {
            token = field(post(server, "/register", "{\"user\":{\"email\":\"ann@example.com\",\"password\":\""
                    + PASSWORD + "\"}}").body(), "token");
            post(server, "/login", "{\"email\":\"ann@example.com\",\"password\":\"" + PASSWORD + "x\"}");
            post(server, "/login", "{\"email\":\"ann@example.com\",\"password\":\"short\"}");
            post(server, "/register", "{\"user\":{\"email\":\"bob@example.com\",\"password\":\"password1\"}}");
        } finally {
            root.detachAppender(logs);
            ours.setLevel(level);
        }
        // Our own code at any level, and every library at INFO and above (what operators run with;
        // Jetty's DEBUG wire dumps show raw requests, see docs/access.md).
        var seen = logs.list.stream().filter(e -> e.getLoggerName().startsWith("com.subscriptionsuite")
                || e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO)).toList();
        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(PASSWORD).doesNotContain("password1").doesNotContain(token));

        try (Database db = new Database(Database.h2File(data), "sa", "")) {
            long raw = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM user_session WHERE token_hash = :t").bind("t", token).mapTo(Long.class).one());
            long hashed = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM user_session WHERE token_hash = :t").bind("t", SecretHash.of(token))
                    .mapTo(Long.class).one());
            String stored = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT password_hash FROM app_user WHERE email = 'ann@example.com'").mapTo(String.class).one());
            assertThat(raw).isZero();
            assertThat(hashed).isOne();
            assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
        }
    }

    @Test
    void an_admin_key_from_the_tenant_file_soft_deletes_a_product_and_the_deletion_survives_a_reload() throws Exception {
        Path data = dir.resolve("db");
        Path file = tenantFileWithAdminKey();
        try (Server server = start(env(data, "SUITE_TENANT_FILES", file.toString()))) {
            assertThat(delete(server, "/product/2", null).statusCode()).isEqualTo(401);
            assertThat(delete(server, "/product/2", "wrong-key").statusCode()).isEqualTo(401);
            HttpResponse<String> deleted = delete(server, "/product/2", ADMIN_KEY);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(get(server, "/product/2").statusCode()).isEqualTo(404);
            assertThat(delete(server, "/product/2", ADMIN_KEY).statusCode()).isEqualTo(404);
        }
        try (Server server = start(env(data, "SUITE_TENANT_FILES", file.toString()))) {
            assertThat(get(server, "/product/2").statusCode()).as("reloading the file keeps the deletion")
                    .isEqualTo(404);
            assertThat(get(server, "/product/1").statusCode()).isEqualTo(200);
        }
    }
}
