package com.subscriptionsuite.adapters.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "Bearer abc|abc",
            "bearer abc|abc",
            "BEARER   abc  |abc",
            "Bearer token-1-aaa.b_c~d+e/f=|token-1-aaa.b_c~d+e/f="})
    void reads_the_credential_of_the_bearer_scheme(String header, String credential) {
        assertThat(Bearer.credential(header)).isEqualTo(Option.some(credential));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearerabc", "Basic YW5uOnB3", "Bearer a b", "Token abc"})
    void finds_none_in_anything_else(String header) {
        assertThat(Bearer.credential(header)).isEqualTo(Option.none());
    }
}
