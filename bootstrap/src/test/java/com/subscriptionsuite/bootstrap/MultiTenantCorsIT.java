package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants behind one API host (issue 15): a browser's preflight carries no {@code X-Tenant}, so a
 * preflight that names no tenant is answered by every tenant's origins; the real request then gets
 * {@code Access-Control-Allow-Origin} only from its own tenant.
 */
class MultiTenantCorsIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> options(Server server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_preflight_without_a_tenant_is_answered_by_every_tenants_origins_the_request_by_its_own() throws Exception {
        String demo = ServerIT.demoFile();
        Path a = dir.resolve("a.json");
        Files.writeString(a, demo.replace("\"cors_origins\": [\"http://localhost:4200\", \"http://localhost:5173\"]",
                "\"cors_origins\": [\"https://shop-a.example\"]"));
        Path b = dir.resolve("b.json");
        Files.writeString(b, demo.replace("\"cors_origins\": [\"http://localhost:4200\", \"http://localhost:5173\"]",
                "\"cors_origins\": [\"https://shop-b.example\"]").replaceFirst("\"id\": 1,", "\"id\": 2,")
                .replaceFirst("\"key\": \"demo\"", "\"key\": \"other\""));
        try (Server server = ServerHarness.start(ServerHarness.env(dir.resolve("data"), "SUITE_DEMO_TENANT", "false",
                "SUITE_TENANT_FILES", a + "," + b))) {
            for (String origin : new String[] {"https://shop-a.example", "https://shop-b.example"}) {
                HttpResponse<String> preflight = options(server, "/subscription/preview", "Origin", origin,
                        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-tenant");
                assertThat(preflight.statusCode()).as(origin).isEqualTo(204);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                        .contains("X-Tenant");
            }
            assertThat(options(server, "/subscription/preview", "Origin", "https://evil.example",
                    "Access-Control-Request-Method", "POST").statusCode()).isEqualTo(403);
            // naming a tenant, only that tenant's origins
            assertThat(options(server, "/subscription/preview", "Origin", "https://shop-b.example", "X-Tenant", "demo")
                    .statusCode()).isEqualTo(403);

            HttpResponse<String> own = ServerHarness.post(server, "/subscription/preview", ServerHarness.DEMO_CART,
                    "X-Tenant", "demo", "Origin", "https://shop-a.example");
            HttpResponse<String> foreign = ServerHarness.post(server, "/subscription/preview", ServerHarness.DEMO_CART,
                    "X-Tenant", "demo", "Origin", "https://shop-b.example");
            assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop-a.example");
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("shop b's origin is not demo's").isEmpty();
        }
    }
}
