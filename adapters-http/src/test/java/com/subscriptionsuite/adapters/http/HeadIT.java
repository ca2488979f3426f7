package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HEAD answers what GET would answer, status and header fields, without a body: the tenant, CORS
 * and access checks run as for GET. A path GET is not served on answers 405.
 */
class HeadIT {
    private final Http acme = TestServer.tenant("acme");

    @Test
    void answers_like_get_on_a_public_operation_without_the_body() {
        Reply get = acme.get("/product");
        Reply head = acme.head("/product");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(get.body().length()));
    }

    @Test
    void needs_the_token_get_needs() {
        Reply head = acme.head("/account");

        assertThat(head.status()).isEqualTo(401);
        assertThat(head.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(head.header("Content-Type")).isEqualTo("application/json");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void answers_404_for_what_get_does_not_find() {
        Reply head = acme.head("/product/999");

        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void answers_404_for_an_unknown_tenant() {
        assertThat(TestServer.tenant("nosuch").head("/product").status()).isEqualTo(404);
        assertThat(TestServer.tenant("nosuch").head("/config").status()).isEqualTo(404);
    }

    @Test
    void sends_the_cors_headers_get_sends() {
        Reply head = acme.with("Origin", TestServer.ACME_ORIGIN).head("/config");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Access-Control-Allow-Origin")).isEqualTo(TestServer.ACME_ORIGIN);
    }

    @Test
    void serves_the_service_endpoints() {
        assertThat(TestServer.anonymous().head("/health").status()).isEqualTo(200);
    }

    @Test
    void answers_405_with_allow_where_get_is_not_served() {
        Reply head = acme.head("/login");

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(head.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/product/3f2a7c1e-0000-4000-8000-000000000001/replace/1, 'GET, PUT, OPTIONS'",
            "/payment-method/1/signature, 'GET, OPTIONS'",
            "/payment-method/3/paypal/init, 'GET, OPTIONS'",
            "/payment-provider/paypal/approve?token=abc, 'GET, OPTIONS'"})
    void answers_405_for_a_get_that_changes_state_as_head_must_be_safe(String target, String allowed) {
        Reply head = acme.head(target);

        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo(allowed);
    }

    @Test
    void lists_head_in_allow_where_get_is_served() {
        Reply put = acme.put("/product/1");

        assertThat(put.error(405, "method_not_allowed").path("message").asText()).contains("HEAD");
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD, DELETE, OPTIONS");
    }
}
