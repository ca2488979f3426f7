package com.subscriptionsuite.adapters.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Every request's correlation id: the client's {@code X-Request-Id} when it is a sane token (one
 * field, 1 to {@value #MAX_LENGTH} printable ASCII characters without spaces), else a generated UUID.
 * It is put on the context and in the logging context before any route runs, and echoed back in
 * {@code X-Request-Id} on every answer Javalin writes (errors and 404s included). A value that is not
 * sane is not refused: the request is served under a new id, which the answer tells.
 */
final class RequestIds {
    static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** The before-handler of every request. */
    static void identify(Context ctx) {
        List<String> sent = ctx.req().getHeaders(HttpApi.REQUEST_ID_HEADER) == null ? List.of()
                : java.util.Collections.list(ctx.req().getHeaders(HttpApi.REQUEST_ID_HEADER));
        String id = sent.size() == 1 && sane(sent.get(0)) ? sent.get(0) : UUID.randomUUID().toString();
        ctx.attribute(HttpApi.CORRELATION_ID, id);
        ctx.header(HttpApi.REQUEST_ID_HEADER, id);
        MDC.put(HttpApi.CORRELATION_ID, id);
    }

    /** The request's correlation id (given by {@link #identify}, which runs first). */
    static String of(Context ctx) {
        return ctx.attribute(HttpApi.CORRELATION_ID) instanceof String id ? id : UUID.randomUUID().toString();
    }

    /** 1 to 64 characters, each printable ASCII other than space ({@code !} to {@code ~}). */
    static boolean sane(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
