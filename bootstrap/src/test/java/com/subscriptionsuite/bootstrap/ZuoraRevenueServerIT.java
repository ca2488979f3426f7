package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.application.fixtures.RevenueLineFixtures.line;
import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.zuora.simulator.revenue.RevenueSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server feeding the Zuora Revenue simulator: a batch failing as a whole, fixed and re-posted. */
class ZuoraRevenueServerIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = RevenueServerIT.DEMO_KEY;

    @TempDir
    Path dir;
    RevenueSimulator sim;

    @BeforeEach
    void start() {
        sim = RevenueSimulator.start(0);
    }

    @AfterEach
    void stop() {
        assertThat(sim.invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    Server server() throws Exception {
        Path file = dir.resolve("demo.json");
        Files.writeString(file, RevenueServerIT.withKey(ServerIT.demoFile(), KEY));
        return ServerHarness.start(env(dir.resolve("data"), "SUITE_DEMO_TENANT", "false", "SUITE_TENANT_FILES",
                file.toString(), "SUITE_REVENUE_INTERVAL_SECONDS", "0", "SUITE_REVENUE_BASE_URL", sim.baseUrl(),
                "SUITE_REVENUE_USER", sim.user(), "SUITE_REVENUE_PASSWORD", sim.password(), "SUITE_REVENUE_ROLE",
                sim.role(), "SUITE_REVENUE_CLIENT_NAME", sim.clientName(), "SUITE_REVENUE_TEMPLATE", sim.template()));
    }

    static String[] admin() {
        return RevenueServerIT.admin("demo", KEY);
    }

    @Test
    void a_batch_failing_as_a_whole_is_fixed_and_reposted_and_staging_errors_are_attached() throws Exception {
        sim.refuseItem("LEGACY");
        sim.stageErrorForItem("ADDON", "No revenue rule for item ADDON");
        try (Server server = server()) {
            server.engine().revenue().orElseThrow().recordRevenueLines().record(1, List.of(
                    line("e1:0", "S-1", 1), line("e1:1", "S-1", 2, "LEGACY"), line("e1:2", "S-1", 3, "ADDON")));

            JsonNode run = JSON.readTree(post(server, "/admin/revenue/run", "", admin()).body());
            assertThat(run.path("failed").asInt()).isEqualTo(1);
            JsonNode failed = JSON.readTree(get(server, "/admin/revenue/batches/1", admin()).body());
            assertThat(failed.path("batch").path("status").asText()).isEqualTo("FAILED");
            assertThat(failed.path("batch").path("last_error").asText()).contains("LEGACY");
            assertThat(failed.path("errors").get(0).path("kind").asText()).isEqualTo("batch");
            assertThat(failed.path("lines").findValuesAsText("status")).containsOnly("PENDING");
            assertThat(sim.uploads()).singleElement().satisfies(u -> assertThat(u.status()).isEqualTo("Failed"));

            sim.acceptItem("LEGACY"); // fixed in Zuora Revenue
            JsonNode queued = JSON.readTree(post(server, "/admin/revenue/batches/1/repost", "", admin()).body());
            assertThat(queued.path("status").asText()).isEqualTo("QUEUED");
            run = JSON.readTree(post(server, "/admin/revenue/run", "", admin()).body());
            assertThat(run.path("loaded").asInt()).isEqualTo(1);

            JsonNode loaded = JSON.readTree(get(server, "/admin/revenue/batches/1", admin()).body());
            assertThat(loaded.path("batch").path("status").asText()).isEqualTo("LOADED");
            assertThat(loaded.path("batch").path("filename").asText()).isEqualTo("suite-t1-b1-u2.csv");
            assertThat(loaded.path("batch").path("lines_in_error").asInt()).isEqualTo(1);
            assertThat(loaded.path("lines").findValuesAsText("status")).containsExactly("POSTED", "POSTED", "ERROR");
            assertThat(loaded.path("errors").findValuesAsText("kind")).containsExactly("batch", "transaction");
            assertThat(loaded.path("errors").get(1).path("message").asText()).isEqualTo("No revenue rule for item ADDON");

            String csv = get(server, "/admin/revenue/batches/1/csv", admin()).body();
            assertThat(sim.uploads()).hasSize(2);
            assertThat(sim.uploads().get(1).filename()).isEqualTo("suite-t1-b1-u2.csv");
            assertThat(sim.uploads().get(1).rows()).hasSize(3);
            assertThat(csv.split("\r\n")).hasSize(4);

            // the line in error, fixed in Zuora Revenue, is posted alone
            sim.clearStagingRules();
            post(server, "/admin/revenue/batches/1/repost", "", admin());
            post(server, "/admin/revenue/run", "", admin());
            assertThat(sim.uploads().get(2).rows()).singleElement()
                    .satisfies(row -> assertThat(row.get("SO_LINE_NUM")).isEqualTo("3"));
            assertThat(JSON.readTree(get(server, "/admin/revenue/batches/1", admin()).body()).path("lines")
                    .findValuesAsText("status")).containsOnly("POSTED");
        }
    }

    @Test
    void a_tenant_without_the_api_service_stops_the_run_with_the_explanation_and_nothing_is_lost() throws Exception {
        sim.apiEnabled(false);
        try (Server server = server()) {
            server.engine().revenue().orElseThrow().recordRevenueLines().record(1, List.of(line("e1:0", "S-1", 1)));
            JsonNode run = JSON.readTree(post(server, "/admin/revenue/run", "", admin()).body());
            assertThat(run.path("stopped_by").asText()).startsWith("revenue_api_not_enabled")
                    .contains("not enabled");
            JsonNode batch = JSON.readTree(get(server, "/admin/revenue/batches", admin()).body()).path("batches").get(0);
            assertThat(batch.path("status").asText()).isEqualTo("QUEUED");
            assertThat(batch.path("last_error_code").asText()).isEqualTo("revenue_api_not_enabled");
            assertThat(sim.requests()).hasSize(1);

            sim.apiEnabled(true);
            assertThat(JSON.readTree(post(server, "/admin/revenue/run", "", admin()).body()).path("loaded").asInt())
                    .isEqualTo(1);
        }
    }
}
