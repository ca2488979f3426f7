package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.in.vat.VatOutcome;
import com.subscriptionsuite.application.port.out.VatChecks.Evidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /account/vat-validate/{vatId} on a server of its own, its VIES the in-memory stand-in of
 * {@link TestServer#vies()}; acme's own VAT ID (DE123456788) is the requester. Every answer is
 * checked against openapi.yaml by {@link Http}.
 */
class VatIT {
    private static final String PASSWORD = "correct horse battery";

    private TestServer.Fresh server;
    private Http acme;
    private String ann;

    @BeforeEach
    void startServerWithACustomer() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        ann = acme.post("/register", """
                {"user": {"email": "ann@example.com", "password": "%s"}}""".formatted(PASSWORD))
                .ok().path("token").asText();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Reply validate(String vatId) {
        return acme.bearer(ann).get("/account/vat-validate/" + vatId);
    }

    @Test
    void confirms_a_registered_vat_id_with_the_registers_proof_and_keeps_the_evidence() {
        JsonNode v = validate("atu13585627").ok();

        assertThat(v.path("success").asBoolean()).isTrue();
        assertThat(v.path("outcome").asText()).isEqualTo("valid");
        assertThat(v.path("vat_id").asText()).isEqualTo("ATU13585627");
        assertThat(v.path("country").asText()).isEqualTo("AT");
        assertThat(v.path("checked_at").asText()).isEqualTo("2025-06-15T10:00:00Z");
        assertThat(v.path("consultation_number").asText()).startsWith("WAPIAAAAW");
        assertThat(v.path("name").asText()).isEqualTo("Acme Handels GmbH");
        assertThat(v.path("address").asText()).isEqualTo("Ring 1\n1010 Wien");
        assertThat(v.has("reason")).isFalse();
        Evidence evidence = server.vatChecks().latest(1, "ATU13585627").getOrElseThrow(AssertionError::new);
        assertThat(evidence.outcome()).isEqualTo(VatOutcome.VALID);
        assertThat(evidence.consultationNumber()).isEqualTo(v.path("consultation_number").asText());
    }

    @Test
    void calls_a_vat_id_failing_the_offline_check_invalid_with_the_rejection_code() {
        JsonNode v = validate("DE136695978").ok();

        assertThat(v.path("success").asBoolean()).isFalse();
        assertThat(v.path("outcome").asText()).isEqualTo("invalid");
        assertThat(v.path("reason").asText()).isEqualTo("vat_id_bad_checksum");
        assertThat(v.path("vat_id").asText()).isEqualTo("DE136695978");
        assertThat(v.path("country").asText()).isEqualTo("DE");
        assertThat(v.has("consultation_number")).isFalse();
        assertThat(server.vatChecks().all()).isEmpty();
    }

    @Test
    void calls_a_vat_id_vies_does_not_know_invalid() {
        JsonNode v = validate("EL094259216").ok();

        assertThat(v.path("success").asBoolean()).isFalse();
        assertThat(v.path("outcome").asText()).isEqualTo("invalid");
        assertThat(v.path("country").asText()).isEqualTo("GR");
        assertThat(v.has("reason")).isFalse();
        assertThat(server.vatChecks().all()).hasSize(1);
    }

    @Test
    void calls_a_vat_id_vies_refuses_as_input_invalid_with_reason_invalid_input() {
        JsonNode v = validate("NL004495445B01").ok();

        assertThat(v.path("outcome").asText()).isEqualTo("invalid");
        assertThat(v.path("reason").asText()).isEqualTo("invalid_input");
    }

    @Test
    void calls_a_vat_id_vies_could_not_check_unverified_with_the_reason() {
        JsonNode down = validate("FR40303265045").ok();
        JsonNode limited = validate("BE0428759497").ok();

        assertThat(down.path("success").asBoolean()).isFalse();
        assertThat(down.path("outcome").asText()).isEqualTo("unverified");
        assertThat(down.path("reason").asText()).isEqualTo("ms_unavailable");
        assertThat(limited.path("outcome").asText()).isEqualTo("unverified");
        assertThat(limited.path("reason").asText()).isEqualTo("rate_limited");
        assertThat(server.vatChecks().latest(1, "FR40303265045").map(Evidence::outcome).toJavaOptional())
                .contains(VatOutcome.UNVERIFIED);
    }

    @Test
    void refuses_an_empty_vat_id() {
        validate("--").error(400, "vat_id_empty");
    }

    @Test
    void refuses_a_caller_without_a_token() {
        acme.get("/account/vat-validate/ATU13585627").error(401, "not_authenticated");
    }

    @Test
    void refuses_a_guest() {
        String guest = acme.post("/login/guest").ok().path("token").asText();

        acme.bearer(guest).get("/account/vat-validate/ATU13585627").error(403, "customer_required");
        assertThat(server.vatChecks().all()).isEmpty();
    }
}
