package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader.TenantFileRejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaigns of tenant files, loaded by the server after the tenant's definition. */
class TenantCampaignsIT {
    @TempDir
    Path dir;

    @Test
    void loads_the_demo_campaigns_so_that_their_codes_can_be_held() {
        try (Server server = start(env(dir.resolve("db")))) {
            var engine = server.engine();
            long guest = engine.logInAsGuest().logInAsGuest(1, "10.0.0.2").get().user().id();
            assertThat(engine.holdVoucher().hold(new VoucherCommand(1, "welcome10", null, guest)).isRight()).isTrue();
            assertThat(engine.holdVoucher().hold(new VoucherCommand(1, "SPRING27-RWRCA6", 1L, guest)).isRight())
                    .isTrue();
            assertThat(engine.holdVoucher().hold(new VoucherCommand(1, "SPRING27-LM2NQG", 2L, guest)).getLeft().code())
                    .isEqualTo("voucher_not_valid_on_page");
        }
    }

    @Test
    void refuses_a_file_whose_campaign_code_another_stored_campaign_has_and_stores_none_of_it() throws IOException {
        start(env(dir.resolve("db"))).close();
        Path moved = dir.resolve("moved.json");
        Files.writeString(moved, ServerIT.demoFile()
                .replace("\"Cloud Office Starter\"", "\"Starter of the refused file\"")
                .replace("\"codes\": [\"WELCOME10\"]", "\"codes\": [\"WELCOME11\"]")
                .replace("  \"campaigns\": [\n", "  \"campaigns\": [\n    {\"id\": 3, \"name\": \"Moved\", "
                        + "\"discount_rate_plan_id\": 51, \"kind\": \"multi_use\", \"codes\": [\"WELCOME10\"]},\n"));

        assertThatThrownBy(() -> start(env(dir.resolve("db"), "SUITE_TENANT_FILES", moved.toString())))
                .isInstanceOf(TenantFileRejected.class)
                .hasMessageContaining("nothing loaded")
                .satisfies(e -> assertThat(((TenantFileRejected) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("$.campaigns[0].codes[0]");
                    assertThat(p.reason()).contains("WELCOME10").contains("another campaign");
                }));
        try (Server server = start(env(dir.resolve("db")))) {
            assertThat(ServerHarness.get(server, "/page/1").body()).as("the tenant definition was rolled back")
                    .contains("Cloud Office Starter").doesNotContain("refused file");
            assertThat(server.engine().holdVoucher().hold(new VoucherCommand(1, "WELCOME11", null,
                    server.engine().logInAsGuest().logInAsGuest(1, "t").get().user().id())).getLeft().code())
                    .isEqualTo("voucher_unknown");
        }
    }

    @Test
    void check_tenant_reports_campaign_problems_and_counts_the_codes() throws IOException {
        Path file = dir.resolve("demo.json");
        Files.writeString(file, ServerIT.demoFile());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(TenantFileLoader.check(file, new PrintStream(out, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK (tenant 'demo', 2 campaign(s) with 201 code(s))");

        Files.writeString(file, ServerIT.demoFile().replace("\"discount_rate_plan_id\": 51", "\"discount_rate_plan_id\": 11"));
        out.reset();
        assertThat(TenantFileLoader.check(file, new PrintStream(out, true, StandardCharsets.UTF_8))).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 problem, nothing loaded")
                .contains("$.campaigns[0].discount_rate_plan_id: rate plan 11 is not a discount rate plan");
    }
}
