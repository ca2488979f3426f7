package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceEndpointsIT {

    @Test
    void health_answers_up_without_a_tenant() {
        Reply reply = TestServer.anonymous().get("/health");

        assertThat(reply.ok().toString()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void health_answers_up_even_for_an_unknown_tenant() {
        assertThat(TestServer.tenant("nobody").get("/health").status()).isEqualTo(200);
    }

    @Test
    void openapi_document_is_served_without_a_tenant_exactly_as_packaged() {
        Reply reply = TestServer.anonymous().get("/openapi.yaml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/yaml");
        assertThat(reply.body()).isEqualTo(Contract.YAML);
    }
}
