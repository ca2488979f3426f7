package com.subscriptionsuite.adapters.http.tenant;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.vavr.control.Either;

/**
 * The tenant a request is for, resolved once per request from the {@code X-Tenant} header or the
 * {@code Host} header and kept in the request's context for the handler.
 */
public final class RequestTenant {
    public static final String HEADER = "X-Tenant";
    private static final String ATTRIBUTE = RequestTenant.class.getName();

    private RequestTenant() {
    }

    /** Wraps {@code handler}: an unknown tenant is answered with 404 {@code tenant_unknown} before it runs. */
    public static Handler scoped(ResolveTenant resolveTenant, Json json, Handler handler) {
        return ctx -> {
            String header = ctx.header(HEADER);
            Either<ResolveTenant.TenantUnknown, Tenant> tenant = resolveTenant.resolve(header, ctx.header("Host"));
            boolean resolved = tenant.fold(unknown -> {
                String source = header != null && !header.isBlank() ? HEADER : "Host";
                json.error(ctx, ApiError.from(unknown, source));
                return false;
            }, known -> {
                ctx.attribute(ATTRIBUTE, known);
                return true;
            });
            if (resolved) {
                handler.handle(ctx);
            }
        };
    }

    /** The tenant resolved for this request, if any was (the request log names it). */
    public static java.util.Optional<Tenant> ifResolved(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The tenant resolved for this request; only valid inside a {@link #scoped} handler. */
    public static Tenant of(Context ctx) {
        Tenant tenant = ctx.attribute(ATTRIBUTE);
        if (tenant == null) {
            throw new IllegalStateException("no tenant resolved for " + ctx.path() + ": route not tenant-scoped");
        }
        return tenant;
    }
}
