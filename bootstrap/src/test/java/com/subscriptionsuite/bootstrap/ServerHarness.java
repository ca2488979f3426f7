package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Starts the real server from environment-style settings and talks HTTP to it. */
final class ServerHarness {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServerHarness() {
    }

    static Map<String, String> env(Path dataDir, String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SUITE_HTTP_HOST", "127.0.0.1");
        env.put("SUITE_HTTP_PORT", "0");
        env.put("SUITE_DATA_DIR", dataDir.toString());
        env.put("SUITE_TENANT_REFRESH_SECONDS", "0");
        // never the real VIES from a test: a closed loopback port (no test of the server checks VAT IDs)
        env.put("SUITE_VIES_URL", "http://127.0.0.1:9/check-vat-number");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** The real server, with Argon2id at minimal cost so that tests stay fast. */
    static Server start(Map<String, String> env) {
        return Server.start(ServerConfig.fromEnvironment(env), CLOCK,
                com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher.forTests());
    }

    static HttpResponse<String> get(Server server, String path, String... headers) {
        return send(server, HttpRequest.newBuilder(uri(server, path)).GET(), headers);
    }

    static HttpResponse<String> post(Server server, String path, String json, String... headers) {
        return send(server, HttpRequest.newBuilder(uri(server, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    private static URI uri(Server server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> send(Server server, HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A preview of the demo tenant with every priced model, for a German consumer. */
    static final String DEMO_CART = """
            {"suite_products":[{"id":2,"quantity":5,"order_pos":0},
                               {"id":4,"quantity":150,"order_pos":1},
                               {"id":5,"quantity":150,"order_pos":2}]}""";

    /** Hand-computed: 5 × 12.00 (+19 %), set-up 49.00, tiered storage 12.50, volume API calls 60.00. */
    static void assertDemoCartPriced(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("\"billing_period\":\"Month\",\"is_discounted\":false,\"netto\":60.00,\"tax\":11.40,\"brutto\":71.40");
        assertThat(body).contains("\"billing_period\":\"OneTime\",\"is_discounted\":false,\"netto\":49.00,\"tax\":9.31,\"brutto\":58.31");
        assertThat(body).contains("\"netto\":12.50,\"tax\":2.38,\"brutto\":14.88");
        assertThat(body).contains("\"reason\":\"domestic\"");
    }
}
