package com.subscriptionsuite.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonPasswordListTest {
    private static CommonPasswordList common;

    @BeforeAll
    static void load_the_list_once() {
        common = new CommonPasswordList();
    }

    @Test
    void loads_the_thirty_thousand_leaked_passwords_zxcvbn_ships() {
        assertThat(common.size()).isBetween(29_000, 30_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1", "123456789012", "qwertyuiop", "iloveyou2", "Passw0rd!", "P@ssw0rd",
        "drowssap", "letmein", "abc123", "11111111", "zxcvbnm", "michael", "Monkey123!", "dragon2024", "2024dragon",
        "fRoZeNfIsH", "sOnNeNsChEiN", "passwordpasswordpassword", "zyxwvutsrq", "0987654321", "p4$$w0rd",
        "  Password1  ", "1qaz2wsx3edc"})
    void leaked_passwords_keyboard_walks_runs_and_their_variants_are_common(String password) {
        assertThat(common.isCommon(password)).as(password).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"violet-anchor-tundra-47", "Xq7#p2Lm9!vR", "correct horse battery staple",
        "Sommer2024!Kaktus", "Passwort zurücksetzen, bitte", "amber-kettle-spruce-81", "Tr0ub4dor&3-xyzzy-plover"})
    void passphrases_and_random_strings_are_not_common(String password) {
        assertThat(common.isCommon(password)).as(password).isFalse();
    }

    @Test
    void empty_and_blank_passwords_are_common() {
        assertThat(common.isCommon("")).isTrue();
        assertThat(common.isCommon("   ")).isTrue();
        assertThat(common.isCommon(null)).isTrue();
    }

    @Test
    void checks_against_the_list_it_is_given() {
        CommonPasswordList mine = new CommonPasswordList(Set.of("kaktus"));
        assertThat(mine.isCommon("Kaktus!")).isTrue();
        assertThat(mine.isCommon("k4ktu$")).isTrue();
        assertThat(mine.isCommon("password")).isFalse();
    }
}
