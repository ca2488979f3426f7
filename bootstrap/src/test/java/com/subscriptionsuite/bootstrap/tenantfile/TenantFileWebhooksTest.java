package com.subscriptionsuite.bootstrap.tenantfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional {@code webhooks} of a tenant file (docs/webhooks.md). */
class TenantFileWebhooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectNode root;
    private ArrayNode webhooks;

    @BeforeEach
    void file() throws Exception {
        root = (ObjectNode) JSON.readTree(TenantFileReaderTest.VALID);
        webhooks = root.putArray("webhooks");
        webhooks.add(JSON.readTree("""
                {"name": "crm", "url": "https://crm.example.com/hooks", "events": ["*"], "secret_env": "CRM_SECRET"}"""));
        webhooks.add(JSON.readTree("""
                {"name": "erp", "url": "http://10.0.0.5:8080/suite", "events": ["invoice.raised", "subscription.created"],
                 "secret_env": "ERP_SECRET"}"""));
    }

    private Either<List<?>, TenantFile> read() {
        var read = TenantFileReader.read("tenant.json", new ByteArrayInputStream(root.toString()
                .getBytes(StandardCharsets.UTF_8)), name -> {
                    throw new java.io.IOException("no codes files here");
                });
        return read.mapLeft(problems -> problems);
    }

    private List<String> problems() {
        Either<List<?>, TenantFile> read = read();
        assertThat(read.isLeft()).as("expected problems").isTrue();
        return read.getLeft().stream().map(Object::toString).toList();
    }

    @Test
    void reads_each_endpoint_with_its_event_types_and_the_name_of_its_secret_variable() {
        TenantFile file = read().get();
        assertThat(file.webhooks()).containsExactly(
                new WebhooksSection.Entry("crm", "https://crm.example.com/hooks", Set.of(), "CRM_SECRET"),
                new WebhooksSection.Entry("erp", "http://10.0.0.5:8080/suite",
                        Set.of("invoice.raised", "subscription.created"), "ERP_SECRET"));
    }

    @Test
    void refuses_a_bad_url_an_unknown_event_type_and_a_secret_instead_of_a_variable_name() {
        ((ObjectNode) webhooks.get(0)).put("url", "ftp://crm.example.com/hooks");
        ((ArrayNode) webhooks.get(1).path("events")).add("invoice.paid");
        ((ObjectNode) webhooks.get(1)).put("secret_env", "whsec_0123456789abcdef");

        assertThat(String.join("\n", problems()))
                .contains("$.webhooks[0].url").contains("ftp://crm.example.com/hooks")
                .contains("$.webhooks[1].events[2]").contains("unknown event type 'invoice.paid'")
                .contains("$.webhooks[1].secret_env").contains("never written in the tenant file");
    }

    @Test
    void refuses_two_endpoints_of_one_name() {
        ((ObjectNode) webhooks.get(1)).put("name", "crm");

        assertThat(problems()).containsExactly("$.webhooks[1].name: two webhooks named 'crm'");
    }

    @Test
    void refuses_an_unknown_field_and_a_missing_secret_env() {
        ((ObjectNode) webhooks.get(0)).put("secret", "whsec_abc");
        ((ObjectNode) webhooks.get(1)).remove("secret_env");

        assertThat(String.join("\n", problems())).contains("$.webhooks[0].secret").contains("$.webhooks[1].secret_env");
    }
}
