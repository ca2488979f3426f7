package com.subscriptionsuite.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecureRandomSecretsTest {
    private static final int DRAWS = 10_000;

    private final SecureRandomSecrets secrets = new SecureRandomSecrets();

    @Test
    void a_token_is_32_random_bytes_in_unpadded_base64url() {
        String token = secrets.token();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void tokens_do_not_repeat_and_use_the_whole_alphabet() {
        Set<String> tokens = new HashSet<>();
        Set<Character> alphabet = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            String token = secrets.token();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
            token.chars().forEach(c -> alphabet.add((char) c));
        }

        assertThat(tokens).hasSize(DRAWS);
        assertThat(alphabet).hasSize(64);
    }

    @Test
    void a_guid_is_a_random_version_4_uuid() {
        String guid = secrets.guid();

        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(UUID.fromString(guid).version()).isEqualTo(4);
    }

    @Test
    void guids_do_not_repeat() {
        Set<String> guids = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            guids.add(secrets.guid());
        }

        assertThat(guids).hasSize(DRAWS);
    }
}
