package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop's own backend registering its customers through one address (issue 15): listed as a trusted
 * proxy ({@code SUITE_TRUSTED_PROXIES}) and sending each customer's address in {@code X-Forwarded-For},
 * every customer has the per-address budget of 20 registrations per 15 minutes; not listed, the header
 * is ignored and the backend's one address spends one budget for all.
 */
class TrustedProxyIT {
    @TempDir
    Path dir;

    private static HttpResponse<String> register(Server server, int n, String forwardedFor) {
        return ServerHarness.post(server, "/register", """
                {"user": {"email": "c%d@example.com", "password": "Correct-Horse-Battery-9"}}""".formatted(n),
                "X-Tenant", "demo", "X-Forwarded-For", forwardedFor);
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_customer_has_its_own_registration_budget() {
        try (Server server = ServerHarness.start(ServerHarness.env(dir, "SUITE_TRUSTED_PROXIES", "127.0.0.1/32"))) {
            for (int i = 0; i < 25; i++) {
                assertThat(register(server, i, "203.0.113." + i).statusCode()).as("customer %d", i).isEqualTo(200);
            }
            for (int i = 100; i < 120; i++) {
                assertThat(register(server, i, "198.51.100.7").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> over = register(server, 120, "198.51.100.7");
            assertThat(over.statusCode()).as("one customer's 21st: %s", over.body()).isEqualTo(429);
        }
    }

    @Test
    void without_trusted_proxies_the_header_is_ignored_and_one_address_is_one_budget() {
        try (Server server = ServerHarness.start(ServerHarness.env(dir))) {
            for (int i = 0; i < 20; i++) {
                assertThat(register(server, i, "203.0.113." + i).statusCode()).isEqualTo(200);
            }
            assertThat(register(server, 20, "203.0.113.20").statusCode()).isEqualTo(429);
        }
    }
}
