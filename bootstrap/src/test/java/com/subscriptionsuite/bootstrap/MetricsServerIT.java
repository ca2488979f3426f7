package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus' /metrics on SUITE_METRICS_PORT: requests by route and status, the pool, the JVM. */
class MetricsServerIT {
    @TempDir
    Path dataDir;

    @Test
    void counts_requests_by_route_and_status_and_shows_the_pool_and_the_jvm() throws Exception {
        try (Server server = start(env(dataDir, "SUITE_METRICS_PORT", "0"))) {
            assertThat(get(server, "/page/1").statusCode()).isEqualTo(200);
            assertThat(get(server, "/page/1").statusCode()).isEqualTo(200);
            assertThat(get(server, "/page/999999").statusCode()).isEqualTo(404);
            assertThat(get(server, "/no/such/route").statusCode()).isEqualTo(404);

            HttpResponse<String> scraped = scrape(server.metricsPort().orElseThrow());

            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            String body = scraped.body();
            assertThat(body.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                    && l.contains("route=\"/page/{id}\"") && l.contains("status=\"200\"") && l.contains("method=\"GET\"")))
                    .singleElement().satisfies(l -> assertThat(l).matches(".* 2(\\.0)?"));
            assertThat(body.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                    && l.contains("route=\"/page/{id}\"") && l.contains("status=\"404\""))).singleElement()
                    .satisfies(l -> assertThat(l).matches(".* 1(\\.0)?"));
            assertThat(body).contains("route=\"unmatched\"").contains("http_server_requests_seconds_bucket{")
                    .doesNotContain("/page/999999").doesNotContain("/no/such/route");
            assertThat(body).contains("hikaricp_connections_active{").contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads");
            // not on the API's port
            assertThat(get(server, "/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void serves_no_metrics_unless_a_port_is_set_and_refuses_a_bad_port() {
        try (Server server = start(env(dataDir))) {
            assertThat(server.metricsPort()).isEmpty();
        }
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_METRICS_PORT", "70000")))
                .hasMessageContaining("SUITE_METRICS_PORT");
    }

    private static HttpResponse<String> scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
