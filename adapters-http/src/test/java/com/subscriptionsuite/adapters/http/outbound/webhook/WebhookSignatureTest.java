package com.subscriptionsuite.adapters.http.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    @Test
    void signs_timestamp_dot_body_with_hmac_sha256_in_hex() {
        // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("whsec_test", "1700000000.{\"a\":1}"));
        // RFC 4231 test case 2
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifies_its_own_signature_and_refuses_a_changed_body_secret_or_timestamp() {
        String header = WebhookSignature.header("s3cret", 1_700_000_000L, "{}");
        assertThat(WebhookSignature.verifies("s3cret", header, "{}")).isTrue();
        assertThat(WebhookSignature.verifies("s3cret", header, "{ }")).isFalse();
        assertThat(WebhookSignature.verifies("other", header, "{}")).isFalse();
        assertThat(WebhookSignature.verifies("s3cret", header.replace("t=1700000000", "t=1700000001"), "{}"))
                .isFalse();
        assertThat(WebhookSignature.verifies("s3cret", "garbage", "{}")).isFalse();
    }
}
