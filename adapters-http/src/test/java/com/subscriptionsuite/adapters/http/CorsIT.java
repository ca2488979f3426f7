package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CORS per tenant: acme lists https://shop.acme.example, other lists https://shop.other.example. */
class CorsIT {
    private final Http acme = TestServer.tenant("acme");
    private final Http fromAcmeShop = acme.with("Origin", TestServer.ACME_ORIGIN);

    @Test
    void lets_an_allowed_origin_read_the_answer() {
        Reply reply = fromAcmeShop.get("/config");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ACME_ORIGIN);
        assertThat(reply.header("Vary")).isEqualTo("Origin");
        assertThat(reply.header("Access-Control-Expose-Headers")).contains("Retry-After").contains("WWW-Authenticate");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void lets_an_allowed_origin_read_errors_too() {
        Reply reply = fromAcmeShop.post("/logout");

        reply.error(401, "not_authenticated");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ACME_ORIGIN);
    }

    @Test
    void answers_the_preflight_of_an_allowed_origin() {
        Reply reply = fromAcmeShop.with("Access-Control-Request-Method", "DELETE")
                .with("Access-Control-Request-Headers", "authorization").options("/product/101");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ACME_ORIGIN);
        assertThat(reply.header("Vary")).isEqualTo("Origin");
        assertThat(reply.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, DELETE");
        assertThat(reply.header("Access-Control-Allow-Headers"))
                .isEqualTo("Authorization, Content-Type, X-Tenant, Idempotency-Key");
        assertThat(reply.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/register, POST, POST", "/login/guest, POST, POST", "/subscription/preview, POST, POST",
            "/translation, GET, 'GET, HEAD'"})
    void lists_the_methods_of_the_path_in_the_preflight(String path, String method, String methods) {
        Reply reply = fromAcmeShop.with("Access-Control-Request-Method", method).options(path);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Methods")).isEqualTo(methods);
    }

    @Test
    void refuses_the_preflight_of_another_origin_without_cors_headers() {
        Reply reply = acme.with("Origin", "https://evil.example").with("Access-Control-Request-Method", "POST")
                .options("/login");

        reply.error(403, "origin_not_allowed");
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        assertThat(reply.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void gives_another_origin_no_cors_headers_on_a_request() {
        Reply reply = acme.with("Origin", "https://evil.example").get("/config");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
        assertThat(reply.header("Vary")).isNull();
    }

    @Test
    void keeps_the_origins_of_tenants_apart() {
        Reply reply = TestServer.tenant("other").with("Origin", TestServer.ACME_ORIGIN)
                .with("Access-Control-Request-Method", "GET").options("/config");

        reply.error(403, "origin_not_allowed");
        assertThat(TestServer.tenant("other").with("Origin", TestServer.ACME_ORIGIN).get("/config")
                .header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void leaves_requests_without_origin_unaffected() {
        Reply reply = acme.get("/config");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        assertThat(reply.header("Vary")).isNull();
    }

    @Test
    void answers_options_without_origin_with_the_allowed_methods() {
        Reply reply = acme.options("/product/101");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Allow")).isEqualTo("GET, HEAD, DELETE, OPTIONS");
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void picks_the_preflights_tenant_by_host_as_browsers_send_no_x_tenant() {
        Reply reply = TestServer.anonymous().with("Host", "acme.shop.example").with("Origin", TestServer.ACME_ORIGIN)
                .with("Access-Control-Request-Method", "POST").options("/login");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ACME_ORIGIN);
    }

    @Test
    void serves_no_cors_on_paths_without_a_tenant() {
        Reply reply = fromAcmeShop.get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    }
}
