package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaults_start_on_port_8080_with_h2_in_the_data_dir_and_the_demo_tenant() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.dbUrl()).isNull();
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.demoTenant()).isTrue();
        assertThat(c.tenantFiles()).isEmpty();
        assertThat(c.tenantRefreshSeconds()).isEqualTo(5);
        assertThat(c.voucherHoldMinutes()).isEqualTo(30);
        assertThat(c.billingRunMinutes()).isEqualTo(60);
        assertThat(c.dbPoolSize()).isEqualTo(10);
        assertThat(c.dbPoolWaitMillis()).isEqualTo(3000);
        assertThat(c.idempotencyLeaseSeconds()).isEqualTo(60);
        assertThat(c.viesUrl()).hasToString("https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number");
    }

    @Test
    void reads_every_variable() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.ofEntries(
                Map.entry("SUITE_HTTP_PORT", "9090"),
                Map.entry("SUITE_DATA_DIR", "/srv/suite"),
                Map.entry("SUITE_DB_URL", "jdbc:postgresql://db:5432/suite"),
                Map.entry("SUITE_DB_USER", "suite"),
                Map.entry("SUITE_DB_PASSWORD", "s3cret"),
                Map.entry("SUITE_DEMO_TENANT", "false"),
                Map.entry("SUITE_TENANT_FILES", "a.json, b.json"),
                Map.entry("SUITE_TENANT_REFRESH_SECONDS", "0"),
                Map.entry("SUITE_MAX_BODY_BYTES", "2048"),
                Map.entry("SUITE_VOUCHER_HOLD_MINUTES", "45"),
                Map.entry("SUITE_BILLING_RUN_MINUTES", "0"),
                Map.entry("SUITE_DB_POOL_SIZE", "24"),
                Map.entry("SUITE_DB_POOL_WAIT_MS", "1500"),
                Map.entry("SUITE_IDEMPOTENCY_LEASE_SECONDS", "120"),
                Map.entry("SUITE_VIES_URL", "http://127.0.0.1:8089/check-vat-number")));
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/suite"));
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://db:5432/suite");
        assertThat(c.dbUser()).isEqualTo("suite");
        assertThat(c.dbPassword()).isEqualTo("s3cret");
        assertThat(c.demoTenant()).isFalse();
        assertThat(c.tenantFiles()).containsExactly(Path.of("a.json"), Path.of("b.json"));
        assertThat(c.tenantRefreshSeconds()).isZero();
        assertThat(c.maxBodyBytes()).isEqualTo(2048);
        assertThat(c.voucherHoldMinutes()).isEqualTo(45);
        assertThat(c.billingRunMinutes()).isZero();
        assertThat(c.dbPoolSize()).isEqualTo(24);
        assertThat(c.dbPoolWaitMillis()).isEqualTo(1500);
        assertThat(c.idempotencyLeaseSeconds()).isEqualTo(120);
        assertThat(c.viesUrl()).hasToString("http://127.0.0.1:8089/check-vat-number");
    }

    @Test
    void refuses_unusable_values_naming_every_variable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_HTTP_PORT", "eighty",
                "SUITE_DEMO_TENANT", "yes", "SUITE_DB_URL", "mysql://x", "SUITE_MAX_BODY_BYTES", "10",
                "SUITE_VIES_URL", "ftp://vies", "SUITE_BILLING_RUN_MINUTES", "-1", "SUITE_DB_POOL_SIZE", "0",
                "SUITE_DB_POOL_WAIT_MS", "100", "SUITE_IDEMPOTENCY_LEASE_SECONDS", "0")))
                .isInstanceOf(ServerConfig.InvalidConfiguration.class)
                .hasMessageContaining("SUITE_HTTP_PORT").hasMessageContaining("SUITE_DEMO_TENANT")
                .hasMessageContaining("SUITE_DB_URL").hasMessageContaining("SUITE_MAX_BODY_BYTES")
                .hasMessageContaining("SUITE_VIES_URL").hasMessageContaining("SUITE_BILLING_RUN_MINUTES")
                .hasMessageContaining("SUITE_DB_POOL_SIZE").hasMessageContaining("SUITE_DB_POOL_WAIT_MS")
                .hasMessageContaining("SUITE_IDEMPOTENCY_LEASE_SECONDS");
    }

    @Test
    void sends_mail_to_the_outbox_unless_an_smtp_host_is_set() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).smtp()).isNull();
        ServerConfig c = ServerConfig.fromEnvironment(Map.of("SUITE_SMTP_HOST", "mail.example.com", "SUITE_SMTP_PORT",
                "2525", "SUITE_SMTP_USER", "shop", "SUITE_SMTP_PASSWORD", "pw", "SUITE_SMTP_STARTTLS", "false",
                "SUITE_MAIL_FROM", "Shop <no-reply@shop.example>"));
        assertThat(c.smtp()).isEqualTo(new ServerConfig.Smtp("mail.example.com", 2525, "shop", "pw", false));
        assertThat(c.mailFrom()).isEqualTo("Shop <no-reply@shop.example>");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SUITE_SMTP_PORT", "0", "SUITE_MAIL_FROM",
                "nobody"))).hasMessageContaining("SUITE_SMTP_PORT").hasMessageContaining("SUITE_MAIL_FROM");
    }

    @Test
    void logs_jdbc_urls_without_their_parameters() {
        assertThat(Server.withoutParameters("jdbc:postgresql://db/suite?user=a&password=b"))
                .isEqualTo("jdbc:postgresql://db/suite");
        assertThat(Server.withoutParameters("jdbc:h2:file:/d/suite;MODE=PostgreSQL")).isEqualTo("jdbc:h2:file:/d/suite");
    }

    @Test
    void signs_payment_pages_with_a_generated_key_and_hands_out_relative_links_by_default() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of());

        assertThat(c.paymentPageKey()).isNull();
        assertThat(c.publicUrl()).isNull();
        assertThat(Server.payPalApprovalUrl(c)).isEqualTo("/payment-provider/paypal/approve");
    }

    @Test
    void takes_a_payment_page_key_and_a_public_url() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of(
                "SUITE_PAYMENT_PAGE_KEY", "k".repeat(32),
                "SUITE_PUBLIC_URL", "https://api.shop.example/"));

        assertThat(c.paymentPageKey()).isEqualTo("k".repeat(32));
        assertThat(c.publicUrl()).hasToString("https://api.shop.example");
        assertThat(Server.payPalApprovalUrl(c)).isEqualTo("https://api.shop.example/payment-provider/paypal/approve");
    }

    @Test
    void refuses_a_short_payment_page_key_without_printing_it_and_a_public_url_with_a_query() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(
                "SUITE_PAYMENT_PAGE_KEY", "short-secret-31-characters-long",
                "SUITE_PUBLIC_URL", "https://api.shop.example/?x=1")))
                .isInstanceOf(ServerConfig.InvalidConfiguration.class)
                .hasMessageContaining("SUITE_PAYMENT_PAGE_KEY must have at least 32 characters")
                .hasMessageContaining("got 31")
                .hasMessageNotContaining("short-secret")
                .hasMessageContaining("SUITE_PUBLIC_URL");
    }

    @Test
    void never_prints_a_secret() {
        ServerConfig c = ServerConfig.fromEnvironment(Map.of(
                "SUITE_DB_URL", "jdbc:postgresql://db:5432/suite?password=url-secret",
                "SUITE_DB_PASSWORD", "db-secret",
                "SUITE_SMTP_HOST", "mail.example.com", "SUITE_SMTP_PASSWORD", "smtp-secret",
                "SUITE_PAYMENT_PAGE_KEY", "page-key-secret-of-at-least-32-characters"));

        assertThat(c.toString()).contains("db:5432", "mail.example.com").doesNotContain("url-secret")
                .doesNotContain("db-secret").doesNotContain("smtp-secret").doesNotContain("page-key-secret");
    }
}
