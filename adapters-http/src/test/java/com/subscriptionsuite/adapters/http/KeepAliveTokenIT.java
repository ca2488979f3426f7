package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials are compared exactly as sent on every request of a keep-alive connection: the
 * server's per-connection header cache must not hand a later request the header value of an
 * earlier one that differs only in letter case.
 */
class KeepAliveTokenIT {
    private static TestServer.Fresh server;
    private static String token;

    @BeforeAll
    static void start() {
        server = TestServer.fresh();
        token = Shoppers.guest(server.tenant("acme"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String available(String authorization) {
        return "GET /payment-method/available?country=DE HTTP/1.1\r\nHost: localhost\r\nX-Tenant: acme\r\n"
                + "Authorization: " + authorization + "\r\n\r\n";
    }

    private static String swapCase(String s) {
        StringBuilder swapped = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }

    @Test
    void refuses_a_token_differing_only_in_letter_case_on_the_same_connection() throws IOException {
        String otherCase = swapCase(token);
        assertThat(otherCase).isNotEqualTo(token);

        try (RawHttp connection = RawHttp.connect(server.base())) {
            RawHttp.Reply first = connection.exchange(available("Bearer " + token));
            RawHttp.Reply second = connection.exchange(available("Bearer " + otherCase));
            RawHttp.Reply third = connection.exchange(available("Bearer " + token));

            assertThat(first.status()).as("the token as issued: %s", first.body()).isEqualTo(200);
            assertThat(second.status()).as("the token in other case: %s", second.body()).isEqualTo(401);
            assertThat(second.body()).contains("\"code\":\"not_authenticated\"");
            assertThat(second.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            Contract.assertErrorShape(second.body());
            assertThat(third.status()).as("the token as issued again: %s", third.body()).isEqualTo(200);
        }
    }

    @Test
    void refuses_a_whole_authorization_line_in_other_case_on_the_same_connection() throws IOException {
        try (RawHttp connection = RawHttp.connect(server.base())) {
            connection.exchange(available("Bearer " + token));
            RawHttp.Reply lowerScheme = connection.exchange(available("bearer " + swapCase(token)));

            assertThat(lowerScheme.status()).as(lowerScheme.body()).isEqualTo(401);
        }
    }
}
