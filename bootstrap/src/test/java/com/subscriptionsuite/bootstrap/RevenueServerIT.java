package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.application.fixtures.RevenueLineFixtures.line;
import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.port.in.revenue.RecordRevenueLines;
import com.subscriptionsuite.domain.identity.SecretHash;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revenue feed on the standalone server without Zuora Revenue (the embedded default): batches are
 * CSV files in the data directory; the admin endpoints over HTTP, each tenant seeing only its own.
 */
class RevenueServerIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO_KEY = "demo-admin-key-for-the-revenue-test-0123456789";
    static final String OTHER_KEY = "other-admin-key-for-the-revenue-test-0123456789";

    @TempDir
    Path dir;

    /** The demo tenant (id 1) and a copy of it as tenant 2, "other", each with its own admin key. */
    String[] tenantFiles() throws Exception {
        String demo = ServerIT.demoFile();
        Path first = dir.resolve("demo.json");
        Files.writeString(first, withKey(demo, DEMO_KEY));
        Path second = dir.resolve("other.json");
        Files.writeString(second, withKey(demo, OTHER_KEY).replaceFirst("\"id\": 1,", "\"id\": 2,")
                .replaceFirst("\"key\": \"demo\"", "\"key\": \"other\""));
        return new String[] {"SUITE_DEMO_TENANT", "false", "SUITE_TENANT_FILES", first + "," + second,
                "SUITE_REVENUE_INTERVAL_SECONDS", "0", "SUITE_REVENUE_BATCH_SIZE", "2"};
    }

    static String withKey(String file, String key) {
        return file.replace("\"admin_keys\": []", "\"admin_keys\": [{\"name\": \"ops\", \"sha256\": \""
                + SecretHash.of(key) + "\"}]");
    }

    static String[] admin(String tenant, String key) {
        return new String[] {"X-Tenant", tenant, "Authorization", "Bearer " + key};
    }

    @Test
    void writes_batches_as_csv_files_in_the_data_directory_and_serves_them_to_the_tenants_admin_only()
            throws Exception {
        Path data = dir.resolve("data");
        try (Server server = start(env(data, tenantFiles()))) {
            RecordRevenueLines record = server.engine().revenue().orElseThrow().recordRevenueLines();
            assertThat(record.record(1, List.of(line("e1:0", "S-1", 1), line("e1:1", "S-1", 2),
                    line("e2:0", "S-2", 1))).get().recorded()).isEqualTo(3);
            record.record(2, List.of(line("x1:0", "S-9", 1)));

            HttpResponse<String> run = post(server, "/admin/revenue/run", "", admin("demo", DEMO_KEY));
            assertThat(run.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(run.body()).path("loaded").asInt()).as(run.body()).isEqualTo(2);

            JsonNode page = JSON.readTree(get(server, "/admin/revenue/batches?page_size=10",
                    admin("demo", DEMO_KEY)).body());
            assertThat(page.path("total").asInt()).isEqualTo(2);
            JsonNode newest = page.path("batches").get(0);
            assertThat(newest.path("status").asText()).isEqualTo("LOADED");
            long id = page.path("batches").get(1).path("id").asLong();

            JsonNode detail = JSON.readTree(get(server, "/admin/revenue/batches/" + id, admin("demo", DEMO_KEY)).body());
            assertThat(detail.path("lines").size()).isEqualTo(2);
            assertThat(detail.path("lines").get(0).path("status").asText()).isEqualTo("POSTED");
            assertThat(detail.path("lines").get(0).path("extended_sell_price").asText()).isEqualTo("47.50");

            HttpResponse<String> csv = get(server, "/admin/revenue/batches/" + id + "/csv", admin("demo", DEMO_KEY));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            String filename = detail.path("batch").path("filename").asText();
            Path file = data.resolve("revenue").resolve(filename);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(csv.body());
            assertThat(csv.body()).startsWith("Type,Sales Order Number,Sales Order Line Number,Sales Order Line ID,"
                    + "Booking Date").contains(",S-1,1,e1:0,03-NOV-2026,");

            // the other tenant's lines were not touched by the demo admin's run
            try (Stream<Path> files = Files.list(data.resolve("revenue"))) {
                assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("suite-t1-"));
            }
            // another tenant's admin sees none of them, and cannot use its key on this tenant
            assertThat(get(server, "/admin/revenue/batches/" + id, admin("other", OTHER_KEY)).statusCode())
                    .isEqualTo(404);
            assertThat(get(server, "/admin/revenue/batches/" + id + "/csv", admin("other", OTHER_KEY)).statusCode())
                    .isEqualTo(404);
            assertThat(post(server, "/admin/revenue/batches/" + id + "/repost", "", admin("other", OTHER_KEY))
                    .statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(get(server, "/admin/revenue/batches", admin("other", OTHER_KEY)).body())
                    .path("total").asInt()).isZero();
            assertThat(get(server, "/admin/revenue/batches", admin("demo", OTHER_KEY)).statusCode()).isEqualTo(401);
            assertThat(get(server, "/admin/revenue/batches", "X-Tenant", "demo").statusCode()).isEqualTo(401);

            // a loaded batch without errors is not re-posted; bad ids and paging are 4xx with a code
            HttpResponse<String> repost = post(server, "/admin/revenue/batches/" + id + "/repost", "",
                    admin("demo", DEMO_KEY));
            assertThat(repost.statusCode()).isEqualTo(409);
            assertThat(repost.body()).contains("revenue_batch_not_repostable");
            assertThat(get(server, "/admin/revenue/batches/abc", admin("demo", DEMO_KEY)).body())
                    .contains("revenue_batch_not_found");
            HttpResponse<String> badPage = get(server, "/admin/revenue/batches?page=0", admin("demo", DEMO_KEY));
            assertThat(badPage.statusCode()).isEqualTo(400);
            assertThat(badPage.body()).contains("field_type").contains("page");

            // the scheduled job's run (here by hand) takes the other tenant's line too
            Server.revenueRun(server.engine());
            assertThat(JSON.readTree(get(server, "/admin/revenue/batches", admin("other", OTHER_KEY)).body())
                    .path("batches").get(0).path("status").asText()).isEqualTo("LOADED");
        }
    }
}
