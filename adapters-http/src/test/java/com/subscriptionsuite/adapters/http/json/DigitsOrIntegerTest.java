package com.subscriptionsuite.adapters.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigitsOrIntegerTest {
    private static JsonNode json(String text) throws JsonProcessingException {
        return Json.strict().mapper().readTree(text);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "601                      | 601",
        "'\"601\"'                | 601",
        "'\"007\"'                | 7",
        "0                        | 0",
        "9223372036854775807      | 9223372036854775807",
        "'\"9223372036854775807\"' | 9223372036854775807",
    })
    void reads_an_integer_or_a_string_of_digits(String text, long expected) throws JsonProcessingException {
        assertThat(DigitsOrInteger.read("page_id", json(text)).get()).isEqualTo(Option.some(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"\"", "\"6o1\"", "\" 601\"", "\"-1\"", "\"+1\"", "\"1.5\"", "-1", "1.0", "1.5", "true",
        "[601]", "{\"id\": 601}", "9223372036854775808", "\"9223372036854775808\"", "\"٣\""})
    void refuses_anything_else_naming_the_field(String text) throws JsonProcessingException {
        RequestFailure failure = DigitsOrInteger.read("page_id", json(text)).getLeft();

        assertThat(failure).isInstanceOf(RequestFailure.FieldType.class);
        assertThat(failure.code()).isEqualTo("field_type");
        assertThat(failure.message()).startsWith("page_id: expected " + DigitsOrInteger.EXPECTED);
    }

    @Test
    void reads_null_and_absent_as_none() throws JsonProcessingException {
        assertThat(DigitsOrInteger.read("page_id", json("null")).get()).isEqualTo(Option.none());
        assertThat(DigitsOrInteger.read("page_id", null).get()).isEqualTo(Option.none());
    }
}
