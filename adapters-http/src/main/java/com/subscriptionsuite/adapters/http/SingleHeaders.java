package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import io.javalin.http.Handler;
import java.util.Enumeration;
import java.util.List;

/**
 * The header fields a tenant-scoped request is decided on ({@code Authorization}, {@code X-Tenant},
 * {@code Idempotency-Key}) must come at most once. Sent twice, one copy would silently win (the
 * first, as Jetty hands it out: a valid token followed by a bogus one was admitted), while a proxy
 * or a log in front of the server may well have looked at the other; so a repeated one is refused
 * with 400 {@code header_repeated} before the tenant is resolved and anything runs. Names are
 * compared without regard to case, as HTTP's are.
 */
final class SingleHeaders {
    static final List<String> NAMES = List.of("Authorization", RequestTenant.HEADER, IdempotencyKeys.HEADER);

    private SingleHeaders() {
    }

    static Handler required(Json json, Handler handler) {
        return ctx -> {
            for (String name : NAMES) {
                int count = count(ctx.req().getHeaders(name));
                if (count > 1) {
                    json.error(ctx, ApiError.from(new RequestFailure.HeaderRepeated(name, count)));
                    return;
                }
            }
            handler.handle(ctx);
        };
    }

    /** How many values the enumeration holds, counted without copying them into a list (every tenant-scoped request asks three times). */
    private static int count(Enumeration<String> values) {
        int count = 0;
        while (values != null && values.hasMoreElements()) {
            values.nextElement();
            count++;
        }
        return count;
    }
}
