package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** GET /health/live and GET /health/ready: no tenant, readiness as the host reports it. */
class HealthIT {
    @Test
    void live_answers_up_without_a_tenant() {
        Reply reply = TestServer.anonymous().get("/health/live");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void ready_answers_up_with_nothing_listed_when_the_host_reports_nothing() {
        Reply reply = TestServer.tenant("nobody").get("/health/ready");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"status\":\"UP\",\"not_ready\":[]}");
    }

    @Test
    void ready_answers_503_naming_every_failing_check_and_up_again_when_they_pass() {
        AtomicReference<List<Readiness.NotReady>> failing = new AtomicReference<>(List.of(
                new Readiness.NotReady("database", "the database does not answer"),
                new Readiness.NotReady("tenants", "no tenant is defined")));
        var api = new HttpApi(HttpApi.UseCases.from(TestServer.engine()), HttpSettings.defaults(), failing::get);
        var app = api.start("127.0.0.1", 0);
        try {
            Http http = new Http(java.net.URI.create("http://127.0.0.1:" + app.port()), List.of());
            Reply down = http.get("/health/ready");
            assertThat(down.status()).isEqualTo(503);
            JsonNode body = down.json();
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("not_ready").findValuesAsText("check")).containsExactly("database", "tenants");
            assertThat(http.get("/health/live").status()).isEqualTo(200);
            assertThat(http.get("/health").status()).isEqualTo(200);

            failing.set(List.of());
            assertThat(http.get("/health/ready").status()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }
}
