package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A header field the API decides on ({@code Authorization}, {@code X-Tenant},
 * {@code Idempotency-Key}) sent more than once is refused with 400 {@code header_repeated}
 * before anything runs: neither the first nor the last copy may silently win.
 */
class RepeatedHeadersIT {
    private static TestServer.Fresh server;
    private static Http acme;
    private static String token;

    @BeforeAll
    static void start() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        token = Shoppers.guest(acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertNamesHeader(JsonNode error, String header) {
        assertThat(error.path("message").asText()).startsWith(header + ": ");
        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo(header);
    }

    @Test
    void refuses_a_valid_token_followed_by_a_bogus_one() {
        Reply reply = acme.bearer(token).bearer("bogus").get("/payment-method/available");

        assertNamesHeader(reply.error(400, "header_repeated"), "Authorization");
    }

    @Test
    void refuses_a_bogus_token_followed_by_a_valid_one() {
        acme.bearer("bogus").bearer(token).get("/payment-method/available").error(400, "header_repeated");
    }

    @Test
    void refuses_two_authorization_headers_on_a_public_operation_too() {
        acme.bearer(token).bearer(token).get("/config").error(400, "header_repeated");
    }

    @Test
    void refuses_two_tenants() {
        Reply reply = acme.with("X-Tenant", "other").get("/config");

        assertNamesHeader(reply.error(400, "header_repeated"), "X-Tenant");
    }

    @Test
    void refuses_the_same_tenant_twice() {
        acme.with("X-Tenant", "acme").get("/config").error(400, "header_repeated");
    }

    @Test
    void judges_one_header_holding_a_comma_as_one_value() {
        new Http(server.base(), List.of("X-Tenant", "acme, other")).get("/config").error(404, "tenant_unknown");
    }

    @Test
    void refuses_two_idempotency_keys_and_runs_nothing() {
        Reply reply = acme.bearer(token).with("Idempotency-Key", "a").with("Idempotency-Key", "b").post("/logout");

        assertNamesHeader(reply.error(400, "header_repeated"), "Idempotency-Key");
        acme.bearer(token).get("/payment-method/available").ok();
    }

    @Test
    void counts_header_names_without_regard_to_case() throws IOException {
        RawHttp.Reply reply = RawHttp.once(server.base(), "GET /payment-method/available HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Tenant: acme\r\nAuthorization: Bearer " + token + "\r\n"
                + "authorization: Bearer bogus\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"code\":\"header_repeated\"");
        Contract.assertErrorShape(reply.body());
    }
}
