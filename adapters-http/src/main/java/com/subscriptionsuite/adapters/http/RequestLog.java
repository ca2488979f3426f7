package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line per request on the logger {@value HttpApi#REQUEST_LOG}, written after the answer:
 * method, route pattern (never the raw path, which may carry ids; {@code unmatched} when no route
 * served it), status, duration in milliseconds, the tenant's key when one was resolved, and the
 * correlation id (in the logging context as {@code correlationId}). Each is also an SLF4J key-value
 * pair, so a JSON encoder writes them as fields of their own (numbers as numbers).
 */
final class RequestLog {
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.REQUEST_LOG);

    private RequestLog() {
    }

    /** The route pattern that served the request, or {@value #UNMATCHED}. */
    static String route(Context ctx) {
        return ctx.attribute(HttpApi.ROUTE) instanceof String r ? r : UNMATCHED;
    }

    static void log(Context ctx, Float millis) {
        try {
            String route = route(ctx);
            String tenant = RequestTenant.ifResolved(ctx).map(Tenant::key).orElse(null);
            long duration = millis == null ? 0 : Math.round(millis);
            int status = ctx.statusCode();
            String method = ctx.method().name();
            MDC.put(HttpApi.CORRELATION_ID, RequestIds.of(ctx));
            LOG.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", duration)
                    .addKeyValue("tenant", tenant)
                    .log("{} {} {} {} ms tenant={}", method, route, status, duration, tenant == null ? "-" : tenant);
        } finally {
            MDC.remove(HttpApi.CORRELATION_ID);
        }
    }
}
