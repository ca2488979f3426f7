package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Requests the HTTP client would not send: written on a raw socket ({@link RawHttp}). */
class ProtocolErrorsIT {

    private static RawHttp.Reply send(String request) throws IOException {
        return RawHttp.once(TestServer.base(), request);
    }

    private static String get(String target, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\n" + extraHeaders + "X-Tenant: acme\r\nConnection: close\r\n\r\n";
    }

    @Test
    void answers_a_broken_uri_encoding_with_request_malformed_as_json() throws IOException {
        RawHttp.Reply reply = send(get("/product/%zz", "Host: localhost\r\n"));

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(reply.body()).contains("\"code\":\"request_malformed\"");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_a_request_without_host_with_request_malformed() throws IOException {
        RawHttp.Reply reply = send(get("/product", ""));

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.body()).contains("\"code\":\"request_malformed\"").contains("No Host");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_a_content_length_that_is_not_a_number_with_request_malformed() throws IOException {
        RawHttp.Reply reply = send("POST /subscription/preview HTTP/1.1\r\nHost: localhost\r\nX-Tenant: acme\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}");

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.body()).contains("\"code\":\"request_malformed\"");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_oversized_header_fields_with_headers_too_large() throws IOException {
        RawHttp.Reply reply = send(get("/product", "Host: localhost\r\nX-Padding: " + "a".repeat(20_000) + "\r\n"));

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 431");
        assertThat(reply.body()).contains("\"code\":\"headers_too_large\"");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_a_body_shorter_than_its_content_length_with_json_malformed() throws IOException {
        RawHttp.Reply reply = send("POST /subscription/preview HTTP/1.1\r\nHost: localhost\r\nX-Tenant: acme\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{\"a\":");

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.body()).contains("\"code\":\"json_malformed\"");
        Contract.assertErrorShape(reply.body());
    }
}
