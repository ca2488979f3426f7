package com.subscriptionsuite.adapters.http.outbound.vies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.out.VatRegistry.Confirmed;
import com.subscriptionsuite.application.port.out.VatRegistry.Unavailable;
import com.subscriptionsuite.application.port.out.VatRegistry.VatCheck;
import com.subscriptionsuite.domain.tax.VatId;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ViesVatRegistry} against the loopback {@link ViesSimulator}; never the real VIES. */
@Timeout(30)
class ViesVatRegistryIT {
    private static final VatId DE = id("DE136695976");
    private static final VatId AT = id("ATU13585627");
    private static final VatId EL = id("EL094259216");
    private static final String SELLER = "FR40303265045";

    private final ViesSimulator vies = ViesSimulator.start()
            .register("DE", "136695976", "Acme GmbH", "Hauptstr. 1\n10115 Berlin")
            .register("EL", "094259216", "Alpha AE", "Odos 1, Athina");
    private final ViesVatRegistry registry = new ViesVatRegistry(vies.endpoint(), Duration.ofMillis(800),
            Duration.ofMillis(10));

    private static VatId id(String raw) {
        return VatId.parse(raw).getOrElseThrow(r -> new AssertionError(r.reason()));
    }

    @AfterEach
    void stop() {
        vies.close();
    }

    @Test
    void confirms_a_registered_number_with_name_address_date_and_consultation_number() {
        VatCheck check = registry.check(DE, SELLER);

        assertThat(check).isEqualTo(new Confirmed(true, "Acme GmbH", "Hauptstr. 1\n10115 Berlin", "WAPIAAAAY1",
                LocalDate.of(2026, 11, 21), null));
        JsonNode sent = vies.requests().get(0);
        assertThat(sent.path("countryCode").asText()).isEqualTo("DE");
        assertThat(sent.path("vatNumber").asText()).isEqualTo("136695976");
        assertThat(sent.path("requesterMemberStateCode").asText()).isEqualTo("FR");
        assertThat(sent.path("requesterNumber").asText()).isEqualTo("40303265045");
    }

    @Test
    void passes_the_requests_correlation_id_on_and_sends_none_outside_a_request() {
        org.slf4j.MDC.put(com.subscriptionsuite.adapters.http.HttpApi.CORRELATION_ID, "req-42");
        try {
            registry.check(DE, SELLER);
        } finally {
            org.slf4j.MDC.remove(com.subscriptionsuite.adapters.http.HttpApi.CORRELATION_ID);
        }
        registry.check(DE, SELLER);

        assertThat(vies.requestIds()).containsExactly("req-42", null);
    }

    @Test
    void gets_no_consultation_number_without_a_requester() {
        VatCheck check = registry.check(DE, null);

        assertThat(check).isEqualTo(new Confirmed(true, "Acme GmbH", "Hauptstr. 1\n10115 Berlin", null,
                LocalDate.of(2026, 11, 21), null));
        assertThat(vies.requests().get(0).has("requesterNumber")).isFalse();
    }

    @Test
    void sends_greece_with_its_vat_prefix_el() {
        assertThat(registry.check(EL, null)).isInstanceOf(Confirmed.class)
                .extracting(c -> ((Confirmed) c).valid()).isEqualTo(true);
        assertThat(vies.requests().get(0).path("countryCode").asText()).isEqualTo("EL");
    }

    @Test
    void calls_an_unregistered_number_not_valid_without_the_placeholders() {
        assertThat(registry.check(AT, SELLER)).isEqualTo(new Confirmed(false, null, null, null,
                LocalDate.of(2026, 11, 21), null));
    }

    @Test
    void calls_a_number_the_register_refuses_as_input_not_valid_with_reason_invalid_input() {
        VatCheck check = registry.check(new VatId("DE", "1"), null);

        assertThat(check).isEqualTo(Confirmed.invalidInput());
        assertThat(vies.requests()).hasSize(1);
    }

    @Test
    void reports_a_member_state_that_is_down_as_ms_unavailable() {
        vies.memberStateUnavailable("DE");

        assertThat(registry.check(DE, SELLER)).isEqualTo(new Unavailable("ms_unavailable"));
        assertThat(registry.check(AT, SELLER)).isInstanceOf(Confirmed.class);
    }

    @Test
    void reports_a_bare_503_as_service_unavailable() {
        vies.down(true);

        assertThat(registry.check(DE, SELLER)).isEqualTo(new Unavailable("service_unavailable"));
    }

    @Test
    void reports_no_answer_within_the_timeout_as_timeout() {
        vies.delay(Duration.ofMillis(2500));

        long started = System.nanoTime();
        VatCheck check = registry.check(DE, SELLER);

        assertThat(check).isEqualTo(new Unavailable("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
    }

    @Test
    void reports_a_refused_connection_as_service_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ViesVatRegistry nowhere = new ViesVatRegistry(URI.create("http://127.0.0.1:" + closedPort + "/check-vat-number"),
                Duration.ofMillis(800));

        assertThat(nowhere.check(DE, SELLER)).isEqualTo(new Unavailable("service_unavailable"));
    }

    @Test
    void retries_a_rate_limit_fault_once_and_then_gets_the_answer() {
        vies.rateLimitNext(1);

        assertThat(registry.check(DE, SELLER)).isInstanceOf(Confirmed.class);
        assertThat(vies.requests()).hasSize(2);
    }

    @Test
    void reports_a_rate_limit_that_lasts_beyond_the_one_retry_as_rate_limited() {
        vies.rateLimitNext(2);

        assertThat(registry.check(DE, SELLER)).isEqualTo(new Unavailable("rate_limited"));
        assertThat(vies.requests()).hasSize(2);
    }
}
