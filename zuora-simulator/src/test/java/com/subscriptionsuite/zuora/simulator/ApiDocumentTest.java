package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The simulator's copy of Zuora's API document is on the classpath and carries the patches the README lists. */
class ApiDocumentTest {
    @Test
    void the_patched_copy_is_a_classpath_resource() throws Exception {
        String spec;
        try (InputStream in = ZuoraSimulator.class.getResourceAsStream(ZuoraSimulator.SPEC_RESOURCE)) {
            assertThat(in).isNotNull();
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(spec).startsWith("openapi: 3.0.0");
        assertThat(spec).doesNotContain("$ref: ./actiontype.yaml").doesNotContain("CreatePaymentMethodGooglePayAdyen'");
        assertThat(spec).contains("/v1/orders:").contains("/v1/rsa-signatures:").contains("/oauth/token:");
    }

    @Test
    void versions_before_a_legacy_number_are_told_apart_from_dates() {
        assertThat(Api.versionBefore("222.0", 223)).isTrue();
        assertThat(Api.versionBefore("223.0", 223)).isFalse();
        assertThat(Api.versionBefore("2025-08-12", 223)).isFalse();
        assertThat(Api.versionBefore(null, 223)).isFalse();
    }
}
