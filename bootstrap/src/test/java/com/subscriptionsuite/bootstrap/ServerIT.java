package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.DEMO_CART;
import static com.subscriptionsuite.bootstrap.ServerHarness.assertDemoCartPriced;
import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader.TenantFileRejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server on its embedded default: H2 file database, demo tenant, HTTP. */
class ServerIT {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static Path demoCodes;
    @TempDir
    Path dataDir;

    /**
     * The demo tenant file, to be written elsewhere: its campaign's codes file is named by the
     * absolute path of a copy, so that the tenant file finds it from any directory.
     */
    static String demoFile() throws IOException {
        try (InputStream in = ServerIT.class.getResourceAsStream("/tenants/demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"demo-spring-codes.csv\"",
                    JSON.writeValueAsString(demoCodes().toString()));
        }
    }

    private static synchronized Path demoCodes() throws IOException {
        if (demoCodes == null) {
            Path copy = Files.createTempFile("demo-spring-codes", ".csv");
            copy.toFile().deleteOnExit();
            try (InputStream in = ServerIT.class.getResourceAsStream("/tenants/demo-spring-codes.csv")) {
                Files.write(copy, in.readAllBytes());
            }
            demoCodes = copy;
        }
        return demoCodes;
    }

    @Test
    void starts_on_h2_with_the_demo_tenant_and_prices_its_cart() {
        try (Server server = start(env(dataDir))) {
            assertThat(get(server, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(server, "/page/1").body()).contains("\"page_id\":1").contains("Cloud Office Starter");
            assertThat(get(server, "/openapi.yaml").body()).contains("/subscription/preview");
            assertDemoCartPriced(post(server, "/subscription/preview", DEMO_CART));
        }
        assertThat(dataDir.resolve("suite.mv.db")).exists();
    }

    @Test
    void keeps_its_data_across_a_restart_and_does_not_load_the_demo_over_it() throws IOException {
        Path renamed = dataDir.resolve("renamed.json");
        Files.writeString(renamed, demoFile().replace("\"Cloud Office Starter\"", "\"Cloud Office Mini\""));
        try (Server server = start(env(dataDir.resolve("db"), "SUITE_TENANT_FILES", renamed.toString()))) {
            assertThat(get(server, "/page/1").body()).contains("Cloud Office Mini");
        }
        try (Server server = start(env(dataDir.resolve("db")))) {
            assertThat(get(server, "/page/1").body()).contains("Cloud Office Mini").doesNotContain("Cloud Office Starter");
        }
    }

    @Test
    void refuses_a_broken_tenant_file_whole_naming_every_problem_and_changes_nothing() throws IOException {
        try (Server server = start(env(dataDir.resolve("db")))) {
            assertThat(get(server, "/page/1").body()).contains("Cloud Office Starter");
        }
        Path broken = dataDir.resolve("broken.json");
        Files.writeString(broken, demoFile()
                .replace("\"Cloud Office Starter\"", "\"Cloud Office Broken\"")
                .replace("\"charge_model\": \"Volume\"", "\"charge_model\": \"Volumetric\"")
                .replace("\"country\": \"DE\"", "\"country\": \"DE\", \"colour\": \"blue\""));
        assertThatThrownBy(() -> start(env(dataDir.resolve("db"), "SUITE_TENANT_FILES", broken.toString())))
                .isInstanceOf(TenantFileRejected.class)
                .hasMessageContaining("charge_model")
                .hasMessageContaining("Volumetric")
                .hasMessageContaining("colour")
                .satisfies(e -> assertThat(((TenantFileRejected) e).problems()).hasSizeGreaterThanOrEqualTo(2));
        try (Server server = start(env(dataDir.resolve("db")))) {
            assertThat(get(server, "/page/1").body()).contains("Cloud Office Starter").doesNotContain("Broken");
        }
    }

    @Test
    void serves_two_tenants_apart_by_header_and_by_host() throws IOException {
        Path second = dataDir.resolve("second.json");
        Files.writeString(second, demoFile()
                .replace("\"id\": 1,\n    \"key\": \"demo\"", "\"id\": 2,\n    \"key\": \"second\"")
                .replace("\"hosts\": []", "\"hosts\": [\"shop.second.example\"]")
                .replace("\"Cloud Office Starter\"", "\"Second Starter\""));
        try (Server server = start(env(dataDir.resolve("db"), "SUITE_TENANT_FILES", second.toString()))) {
            assertThat(get(server, "/page/1", "X-Tenant", "demo").body()).contains("Cloud Office Starter")
                    .doesNotContain("Second Starter");
            assertThat(get(server, "/page/1", "X-Tenant", "second").body()).contains("Second Starter");
            assertThat(get(server, "/config", "X-Tenant", "second").body()).contains("\"tenant_id\":2");
            assertThat(get(server, "/page/1", "X-Tenant", "nobody").statusCode()).isEqualTo(404);
            // two tenants and neither header nor a listed host: the request names no tenant
            assertThat(get(server, "/page/1").body()).contains("tenant_unknown");
        }
    }
}
