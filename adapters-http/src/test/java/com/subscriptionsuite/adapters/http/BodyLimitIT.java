package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BodyLimitIT {
    private static Http small;

    @BeforeAll
    static void startServerWithA256ByteLimit() {
        URI base = TestServer.start(new HttpApi(HttpApi.UseCases.from(TestServer.engine()), new HttpSettings(256)));
        small = new Http(base, List.of("X-Tenant", "acme"));
    }

    /** A JSON array of keys of about {@code bytes} bytes. */
    private static String keysOf(int bytes) {
        StringBuilder json = new StringBuilder("[");
        while (json.length() < bytes - 20) {
            json.append(json.length() == 1 ? "" : ",").append("\"key.").append(json.length()).append('"');
        }
        return json.append(']').toString();
    }

    @Test
    void refuses_a_body_over_the_default_64_kib_by_its_content_length() {
        JsonNode error = TestServer.tenant("acme").post("/translation/dynamic?lang=de", keysOf(70_000))
                .error(413, "body_too_large");

        assertThat(error.path("message").asText()).isEqualTo("body: larger than the limit of 65536 bytes");
    }

    @Test
    void accepts_a_body_just_under_the_default_limit() {
        assertThat(TestServer.tenant("acme").post("/translation/dynamic?lang=de", keysOf(60_000)).status())
                .isEqualTo(200);
    }

    @Test
    void applies_the_configured_limit() {
        assertThat(small.post("/translation/dynamic?lang=de", keysOf(200)).status()).isEqualTo(200);
        small.post("/translation/dynamic?lang=de", keysOf(300)).error(413, "body_too_large");
    }

    @Test
    void refuses_a_chunked_body_over_the_limit_by_the_bytes_read() {
        byte[] body = keysOf(300).getBytes(StandardCharsets.UTF_8);
        Reply reply = small.with("Content-Type", "application/json").send("POST", "/translation/dynamic?lang=de",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        JsonNode error = reply.error(413, "body_too_large");
        assertThat(error.path("message").asText()).isEqualTo("body: larger than the limit of 256 bytes");
    }

    @Test
    void accepts_a_chunked_body_under_the_limit() {
        byte[] body = keysOf(200).getBytes(StandardCharsets.UTF_8);
        Reply reply = small.with("Content-Type", "application/json").send("POST", "/translation/dynamic?lang=de",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(reply.status()).isEqualTo(200);
    }
}
