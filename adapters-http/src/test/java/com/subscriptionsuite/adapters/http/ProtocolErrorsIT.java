package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests the HTTP client would not send: written on a raw socket. */
class ProtocolErrorsIT {

    private record RawReply(String statusLine, String head, String body) {
    }

    private static RawReply send(String request) throws IOException {
        URI base = TestServer.base();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(out);
            } catch (SocketTimeoutException e) {
                // the server keeps the connection open: what arrived is the reply
            }
            String text = out.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            String head = text.substring(0, headEnd);
            return new RawReply(head.lines().findFirst().orElseThrow(), head, text.substring(headEnd + 4));
        }
    }

    private static String get(String target, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\n" + extraHeaders + "X-Tenant: acme\r\nConnection: close\r\n\r\n";
    }

    @Test
    void answers_a_broken_uri_encoding_with_request_malformed_as_json() throws IOException {
        RawReply reply = send(get("/product/%zz", "Host: localhost\r\n"));

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(reply.body()).contains("\"code\":\"request_malformed\"");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_a_request_without_host_with_request_malformed() throws IOException {
        RawReply reply = send(get("/product", ""));

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.body()).contains("\"code\":\"request_malformed\"").contains("No Host");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_a_content_length_that_is_not_a_number_with_request_malformed() throws IOException {
        RawReply reply = send("POST /subscription/preview HTTP/1.1\r\nHost: localhost\r\nX-Tenant: acme\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}");

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.body()).contains("\"code\":\"request_malformed\"");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_oversized_header_fields_with_headers_too_large() throws IOException {
        RawReply reply = send(get("/product", "Host: localhost\r\nX-Padding: " + "a".repeat(20_000) + "\r\n"));

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 431");
        assertThat(reply.body()).contains("\"code\":\"headers_too_large\"");
        Contract.assertErrorShape(reply.body());
    }

    @Test
    void answers_a_body_shorter_than_its_content_length_with_json_malformed() throws IOException {
        RawReply reply = send("POST /subscription/preview HTTP/1.1\r\nHost: localhost\r\nX-Tenant: acme\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{\"a\":");

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 400");
        assertThat(reply.body()).contains("\"code\":\"json_malformed\"");
        Contract.assertErrorShape(reply.body());
    }
}
