package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

/** A response as a test sees it: status, headers and the raw body text. */
record Reply(int status, HttpHeaders headers, String body) {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    JsonNode json() {
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Asserts a 200 and returns the JSON body. */
    JsonNode ok() {
        assertThat(status).as("status of %s", body).isEqualTo(200);
        return json();
    }

    /** Asserts the error shape with this status and code; returns the {@code error} object. */
    JsonNode error(int expectedStatus, String expectedCode) {
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        JsonNode error = json().path("error");
        assertThat(error.path("code").asText()).as("code of %s", body).isEqualTo(expectedCode);
        assertThat(error.path("details").isArray()).as("details of %s", body).isTrue();
        return error;
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
