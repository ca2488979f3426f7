package com.subscriptionsuite.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {
    private static final String PHC = "\\$argon2id\\$v=19\\$m=%d,t=%d,p=%d\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";

    private final Argon2PasswordHasher hasher = Argon2PasswordHasher.forTests();

    @Test
    void verifies_the_password_it_hashed() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void refuses_a_wrong_password() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void salts_each_hash_so_the_same_password_hashes_differently() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("same password", first)).isTrue();
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void writes_a_phc_string_naming_argon2id_its_parameters_a_16_byte_salt_and_a_32_byte_hash() {
        String hash = hasher.hash("secret");

        assertThat(hash).startsWith("$argon2id$").matches(PHC.formatted(1024, 1, 1));
    }

    @Test
    void recommended_parameters_are_owasps_19_mib_2_passes_1_lane() {
        String hash = Argon2PasswordHasher.recommended().hash("secret");

        assertThat(hash).matches(PHC.formatted(19 * 1024, 2, 1));
        assertThat(Argon2PasswordHasher.recommended().verify("secret", hash)).isTrue();
    }

    @Test
    void verifies_hashes_made_with_other_parameters() {
        String weak = Argon2PasswordHasher.forTests().hash("secret");
        String other = new Argon2PasswordHasher(2048, 3, 2).hash("secret");

        Argon2PasswordHasher current = Argon2PasswordHasher.recommended();
        assertThat(current.verify("secret", weak)).isTrue();
        assertThat(current.verify("secret", other)).isTrue();
        assertThat(current.verify("wrong", other)).isFalse();
    }

    @Test
    void hashes_passwords_beyond_ascii() {
        String hash = hasher.hash("Passwort zurücksetzen 🔑");

        assertThat(hasher.verify("Passwort zurücksetzen 🔑", hash)).isTrue();
        assertThat(hasher.verify("Passwort zurucksetzen 🔑", hash)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "$argon2id$",
            "$argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA",
            "$argon2id$v=19$m=1024,t=1,p=1$!!!!$!!!!",
            "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
            "$argon2id$v=19$m=1024,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"})
    void says_no_to_a_malformed_hash_instead_of_throwing(String malformed) {
        assertThat(hasher.verify("secret", malformed)).isFalse();
    }

    @Test
    void says_no_to_a_truncated_hash() {
        String hash = hasher.hash("secret");

        assertThat(hasher.verify("secret", hash.substring(0, hash.length() - 5))).isFalse();
    }

    @Test
    void refuses_parameters_argon2_cannot_run_with() {
        assertThatThrownBy(() -> new Argon2PasswordHasher(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHasher(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2PasswordHasher(1024, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
