package com.subscriptionsuite.adapters.http.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private final Json json = Json.strict();
    private final JsonBody body = new JsonBody(json, 1024);

    record Inner(Long count, String label) {
    }

    record Outer(List<Inner> items, Inner single, Boolean flag) {
    }

    private RequestFailure refusal(String text) throws IOException {
        JavaType type = json.mapper().constructType(Outer.class);
        return body.<Outer>parse(text.getBytes(StandardCharsets.UTF_8), type).getLeft();
    }

    @Test
    void reads_a_well_typed_body() throws IOException {
        JavaType type = json.mapper().constructType(Outer.class);
        Outer outer = body.<Outer>parse("{\"items\":[{\"count\":2,\"label\":\"a\"}],\"flag\":true}"
                .getBytes(StandardCharsets.UTF_8), type).get();

        assertThat(outer.items()).containsExactly(new Inner(2L, "a"));
        assertThat(outer.flag()).isTrue();
    }

    @Test
    void names_an_unknown_nested_field_by_its_path() throws IOException {
        assertThat(refusal("{\"items\":[{\"count\":1},{\"count\":2,\"colour\":\"red\"}]}"))
                .isEqualTo(new RequestFailure.FieldUnknown("items[1].colour"));
    }

    @Test
    void refuses_coercions_between_json_types() throws IOException {
        assertThat(refusal("{\"items\":[{\"count\":\"3\"}]}"))
                .isEqualTo(new RequestFailure.FieldType("items[0].count", "integer", "string"));
        assertThat(refusal("{\"single\":{\"count\":2.5}}"))
                .isEqualTo(new RequestFailure.FieldType("single.count", "integer", "number with a fraction"));
        assertThat(refusal("{\"single\":{\"label\":7}}"))
                .isEqualTo(new RequestFailure.FieldType("single.label", "string", "integer"));
        assertThat(refusal("{\"single\":{\"label\":false}}"))
                .isEqualTo(new RequestFailure.FieldType("single.label", "string", "boolean"));
        assertThat(refusal("{\"flag\":\"true\"}"))
                .isEqualTo(new RequestFailure.FieldType("flag", "boolean", "string"));
        assertThat(refusal("{\"flag\":0}"))
                .isEqualTo(new RequestFailure.FieldType("flag", "boolean", "integer"));
        assertThat(refusal("{\"single\":\"\"}"))
                .isEqualTo(new RequestFailure.FieldType("single", "object", "string"));
        assertThat(refusal("{\"items\":{\"count\":1}}"))
                .isEqualTo(new RequestFailure.FieldType("items", "array", "object"));
    }

    @Test
    void locates_a_syntax_error_by_line_and_column() throws IOException {
        RequestFailure failure = refusal("{\n\"flag\": tru\n}");

        assertThat(failure).isInstanceOf(RequestFailure.JsonMalformed.class);
        assertThat(((RequestFailure.JsonMalformed) failure).line()).isEqualTo(2);
    }

    @Test
    void accepts_json_media_types_with_parameters_and_suffixes_only() {
        assertThat(JsonBody.isJson("application/json")).isTrue();
        assertThat(JsonBody.isJson("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(JsonBody.isJson("application/problem+json")).isTrue();
        assertThat(JsonBody.isJson("text/plain")).isFalse();
        assertThat(JsonBody.isJson("application/x-www-form-urlencoded")).isFalse();
        assertThat(JsonBody.isJson(null)).isFalse();
    }

    @Test
    void writes_big_decimals_plainly_at_their_scale() {
        String written = new String(json.bytes(Map.of("a", new BigDecimal("19.00"), "b", new BigDecimal("1E+1"),
                "c", new BigDecimal("0.10"))), StandardCharsets.UTF_8);

        assertThat(written).contains("\"a\":19.00").contains("\"b\":10").contains("\"c\":0.10").doesNotContain("E");
    }

    @Test
    void reads_the_whole_stream_whatever_length_it_declared_and_refuses_one_over_the_limit() throws IOException {
        byte[] ten = "0123456789".getBytes(StandardCharsets.UTF_8);

        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), 10, 10)).isEqualTo(ten);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), -1, 10)).isEqualTo(ten);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), 4, 10)).isEqualTo(ten);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), 0, 10)).isEqualTo(ten);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), 20, 30)).isEqualTo(ten);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(new byte[0]), 0, 10)).isEmpty();
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), 4, 9)).isNull();
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), 9, 9)).isNull();
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(ten), -1, 9)).isNull();
    }
}
