package com.subscriptionsuite.adapters.persistence.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageSignerTest {
    private static final String KEY = "a test key for the built-in payment page, 32+ characters";
    private static final String CANONICAL = PageSigner.canonical("card-acme", "token-1", 1, 42,
            Instant.ofEpochSecond(1_750_000_000L, 999_000));

    @Test
    void signs_page_token_tenant_user_and_expiry_one_per_line() {
        assertThat(CANONICAL).isEqualTo("v1\ncard-acme\ntoken-1\n1\n42\n1750000000");
    }

    @Test
    void signs_with_hmac_sha256_in_base64() {
        // python3: base64.b64encode(hmac.new(KEY, CANONICAL, hashlib.sha256).digest())
        assertThat(new PageSigner(KEY).sign(CANONICAL)).isEqualTo("za9Fk5a5CYT+ajk2EycwuSaoxju2e0tjUQ/gTBWkHzs=");
    }

    @Test
    void names_the_key_by_the_start_of_its_hash_without_revealing_it() {
        assertThat(new PageSigner(KEY).keyId()).isEqualTo("hmac-sha256:a26c0d6c1a27ec06");
    }

    @Test
    void verifies_its_own_signature_only() {
        PageSigner signer = new PageSigner(KEY);
        String other = PageSigner.canonical("card-acme", "token-1", 1, 43, Instant.ofEpochSecond(1_750_000_000L));

        assertThat(signer.verifies(CANONICAL, signer.sign(CANONICAL))).isTrue();
        assertThat(signer.verifies(other, signer.sign(CANONICAL))).isFalse();
        assertThat(new PageSigner(KEY + "!").verifies(CANONICAL, signer.sign(CANONICAL))).isFalse();
        assertThat(signer.verifies(CANONICAL, null)).isFalse();
    }

    @Test
    void refuses_a_key_shorter_than_32_characters() {
        assertThatThrownBy(() -> new PageSigner("x".repeat(31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 characters");
    }
}
