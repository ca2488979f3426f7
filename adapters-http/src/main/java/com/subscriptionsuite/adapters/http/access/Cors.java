package com.subscriptionsuite.adapters.http.access;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.tenant.TenantAccessLookup;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Objects;

/**
 * CORS per tenant, for tenant-scoped routes only (after {@link RequestTenant}). A request whose
 * {@code Origin} the tenant lists ({@code TenantAccess.allowsOrigin}) gets
 * {@code Access-Control-Allow-Origin: <origin>} and {@code Vary: Origin}; a preflight
 * ({@code OPTIONS}) from such an origin is answered 204 with the path's methods, the request
 * headers the API reads and a max age of 10 minutes. An origin the tenant does not list gets no
 * CORS header at all, and its preflight 403 {@code origin_not_allowed}. Requests without
 * {@code Origin} are untouched. No credentials mode: tokens travel in {@code Authorization}, never
 * in cookies, so {@code Access-Control-Allow-Credentials} is never sent.
 */
public final class Cors {
    public static final String ALLOW_HEADERS = "Authorization, Content-Type, X-Tenant, Idempotency-Key";
    /** Response headers a browser script may read besides the safelisted ones. */
    public static final String EXPOSE_HEADERS = "Retry-After, WWW-Authenticate, Allow, Idempotent-Replayed, X-Request-Id";
    public static final String MAX_AGE_SECONDS = "600";

    private final TenantAccessLookup tenantAccess;
    private final Json json;

    public Cors(TenantAccessLookup tenantAccess, Json json) {
        this.tenantAccess = Objects.requireNonNull(tenantAccess, "tenantAccess");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Wraps a tenant-scoped handler: adds the CORS headers for an allowed origin, before the handler (and its access check) runs. */
    public Handler scoped(Handler handler) {
        return ctx -> {
            String origin = ctx.header("Origin");
            if (origin != null && allowed(ctx, origin)) {
                allowOrigin(ctx, origin);
                ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            }
            handler.handle(ctx);
        };
    }

    /**
     * The {@code OPTIONS} handler of a tenant-scoped path served for {@code methods}: a preflight
     * (a request with {@code Origin}) is answered as above; an OPTIONS without {@code Origin} is
     * answered 204 with {@code Allow}.
     */
    public Handler preflight(List<String> methods) {
        return ctx -> {
            String origin = ctx.header("Origin");
            answerPreflight(ctx, methods, origin != null && allowed(ctx, origin));
        };
    }

    /**
     * The {@code OPTIONS} handler of a tenant-scoped path when the request names no tenant (no
     * {@code X-Tenant}, a Host that is no tenant's): several tenants behind one API host, where a browser's
     * preflight cannot carry the tenant's header. An origin that any tenant lists is answered as above;
     * the real request is then checked against its own tenant's origins ({@link #scoped}), so a preflight
     * reveals nothing but the path's methods.
     */
    public Handler anyTenantPreflight(List<String> methods) {
        return ctx -> {
            String origin = ctx.header("Origin");
            answerPreflight(ctx, methods, origin != null && tenantAccess.anyTenantAllowsOrigin(origin));
        };
    }

    /** Without {@code Origin}: 204 with {@code Allow}; from an allowed origin: the preflight's 204; else 403. */
    private void answerPreflight(Context ctx, List<String> methods, boolean originAllowed) {
        String allow = String.join(", ", methods);
        String origin = ctx.header("Origin");
        if (origin == null) {
            ctx.header("Allow", allow + ", OPTIONS");
            ctx.status(204);
            return;
        }
        if (!originAllowed) {
            json.error(ctx, ApiError.from(new RequestFailure.OriginNotAllowed(origin)));
            return;
        }
        allowOrigin(ctx, origin);
        ctx.header("Access-Control-Allow-Methods", allow);
        ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
    }

    private boolean allowed(Context ctx, String origin) {
        return tenantAccess.access(RequestTenant.of(ctx).id()).allowsOrigin(origin);
    }

    private static void allowOrigin(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
    }
}
