package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "req-42", "0f8fad5b-d9cb-469f-a165-70867728950e", "A_b.c:d/e+f=~!",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void takes_printable_tokens_of_up_to_64_characters(String id) {
        assertThat(RequestIds.sane(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "new\nline", "ümlaut", "\u0000",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void refuses_empty_long_or_unprintable_values(String id) {
        assertThat(RequestIds.sane(id)).isFalse();
    }
}
