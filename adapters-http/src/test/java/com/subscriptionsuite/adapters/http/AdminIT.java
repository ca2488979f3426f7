package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETE /product/{id} with the tenant's admin key; each test on a server of its own (it changes the catalog). */
class AdminIT {
    private static final String CART_WITH_BASIC_STREAMING = """
            {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""";

    private TestServer.Fresh server;
    private Http acme;

    @BeforeEach
    void startServer() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void asks_for_an_admin_key_when_none_is_sent() {
        Reply reply = acme.delete("/product/101");

        reply.error(401, "admin_key_invalid");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        acme.get("/product/101").ok();
    }

    @Test
    void refuses_a_wrong_key_and_the_key_of_another_tenant() {
        Reply wrong = acme.bearer("admin-secret-0").delete("/product/101");

        wrong.error(401, "admin_key_invalid");
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        acme.bearer(TestServer.OTHER_ADMIN_KEY).delete("/product/101").error(401, "admin_key_invalid");
        acme.get("/product/101").ok();
    }

    @Test
    void refuses_a_customer_token_as_an_admin_key() {
        String token = acme.post("/register", """
                {"user": {"email": "ann@example.com", "password": "correct horse battery"}}""")
                .ok().path("token").asText();

        acme.bearer(token).delete("/product/101").error(401, "admin_key_invalid");
    }

    @Test
    void answers_401_before_saying_whether_the_product_exists() {
        acme.delete("/product/999").error(401, "admin_key_invalid");
        acme.delete("/product/abc").error(401, "admin_key_invalid");
    }

    @Test
    void deletes_the_product_and_answers_it_as_it_was() {
        Http admin = acme.bearer(TestServer.ACME_ADMIN_KEY);
        assertThat(acme.post("/subscription/preview", CART_WITH_BASIC_STREAMING).status()).isEqualTo(200);

        JsonNode deleted = admin.delete("/product/101").ok();

        assertThat(deleted.path("id").asLong()).isEqualTo(101);
        assertThat(deleted.path("name").asText()).isEqualTo("Streaming acme");
        assertThat(deleted.path("tenant_id").asLong()).isEqualTo(1);
        acme.get("/product/101").error(404, "product_not_found");
        List<Long> listed = new ArrayList<>();
        acme.get("/product").ok().forEach(p -> listed.add(p.path("id").asLong()));
        assertThat(listed).doesNotContain(101L).isNotEmpty();
        acme.post("/subscription/preview", CART_WITH_BASIC_STREAMING).error(422, "suite_product_not_found");
    }

    @Test
    void answers_not_found_for_an_unknown_or_already_deleted_product() {
        Http admin = acme.bearer(TestServer.ACME_ADMIN_KEY);
        admin.delete("/product/101").ok();

        admin.delete("/product/101").error(404, "product_not_found");
        admin.delete("/product/999").error(404, "product_not_found");
        admin.delete("/product/abc").error(404, "product_not_found");
    }

    @Test
    void deletes_only_in_the_tenant_of_the_key() {
        acme.bearer(TestServer.ACME_ADMIN_KEY).delete("/product/101").ok();

        server.tenant("other").get("/product/101").ok();
    }
}
