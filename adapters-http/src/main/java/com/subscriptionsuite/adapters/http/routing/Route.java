package com.subscriptionsuite.adapters.http.routing;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;
import java.util.Set;

/**
 * One endpoint the adapter serves. {@code path} uses Javalin's syntax ({@code /product/{id}}).
 * A {@link Scope#TENANT} route runs only after the request's tenant has been resolved and its
 * {@link Access} level checked for that tenant; a {@link Scope#GLOBAL} route (health, the OpenAPI
 * document) needs no tenant and is always {@link Access#PUBLIC}.
 * <p>
 * {@code optionalToken} marks a tenant-scoped PUBLIC route that serves anyone but answers a caller
 * it knows differently (the price preview with a voucher): a bearer token, if sent, must then be
 * valid, and its principal is handed to the handler ({@link #withOptionalToken()}).
 * <p>
 * A GET route is also served for HEAD (the same handler: status and header fields as for GET, no
 * body), unless it is marked {@code changesState} ({@link #changingState()}): the seed has GET
 * operations that book or consume something, and HEAD must be safe, so their HEAD is 405.
 * <p>
 * {@code operation} marks a state-changing route whose use case calls the billing system
 * ({@link #asOperation()}): it cannot run in one unit of work, so its {@code Idempotency-Key} is
 * kept by the use case itself (the idempotency wrapper hands the handler a completion to pass on).
 */
public record Route(HandlerType method, String path, Scope scope, Access access, Handler handler,
        boolean optionalToken, boolean changesState, boolean operation) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (scope == Scope.GLOBAL && access != Access.PUBLIC) {
            throw new IllegalArgumentException(method + " " + path + ": credentials are per tenant, so a route"
                    + " without a tenant can only be PUBLIC, not " + access);
        }
        if (optionalToken && (scope != Scope.TENANT || access != Access.PUBLIC)) {
            throw new IllegalArgumentException(method + " " + path + ": an optional token is for tenant-scoped"
                    + " PUBLIC routes (other levels need a token anyway), not " + scope + " " + access);
        }
        if (changesState && method != HandlerType.GET) {
            throw new IllegalArgumentException(method + " " + path + ": only a GET needs saying that it changes state");
        }
        if (operation && !Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE)
                .contains(method)) {
            throw new IllegalArgumentException(method + " " + path + ": an operation keeps an Idempotency-Key,"
                    + " which only POST, PUT, PATCH and DELETE honour");
        }
    }

    public Route(HandlerType method, String path, Scope scope, Access access, Handler handler) {
        this(method, path, scope, access, handler, false, false, false);
    }

    /**
     * The same route, still PUBLIC, reading a bearer token when one is sent: a valid one gives the
     * handler its principal ({@code RequestAccess.principalIfAny}), an invalid one is refused with
     * 401 as on any route that needs a token; without one the caller is anonymous.
     */
    public Route withOptionalToken() {
        return new Route(method, path, scope, access, handler, true, changesState, operation);
    }

    /** The same GET route, declared as changing state: it is not served for HEAD. */
    public Route changingState() {
        return new Route(method, path, scope, access, handler, optionalToken, true, operation);
    }

    /**
     * The same route, declared as running an operation: a use case that calls the billing system
     * and keeps its answer itself, in the unit of work that commits its effects
     * ({@code IdempotencyKeys.answer}).
     */
    public Route asOperation() {
        return new Route(method, path, scope, access, handler, optionalToken, changesState, true);
    }

    /** The same route with another handler (a wrapper around this one's). */
    public Route withHandler(Handler other) {
        return new Route(method, path, scope, access, other, optionalToken, changesState, operation);
    }

    /** Whether HEAD is served on this route's path by this route's handler: a GET that changes nothing. */
    public boolean servesHead() {
        return method == HandlerType.GET && !changesState;
    }

    public enum Scope {
        /** Served without a tenant. */
        GLOBAL,
        /** Served for the tenant the request names. */
        TENANT
    }

    public static Route get(String path, Scope scope, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, scope, access, handler);
    }

    public static Route post(String path, Scope scope, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, scope, access, handler);
    }

    public static Route put(String path, Scope scope, Access access, Handler handler) {
        return new Route(HandlerType.PUT, path, scope, access, handler);
    }

    public static Route delete(String path, Scope scope, Access access, Handler handler) {
        return new Route(HandlerType.DELETE, path, scope, access, handler);
    }

    /** Whether a request path (no query) matches this route's path; a {@code {param}} matches one segment. */
    public boolean matches(String requestPath) {
        String[] pattern = segments(path);
        String[] actual = segments(requestPath);
        if (pattern.length != actual.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean param = pattern[i].startsWith("{") && pattern[i].endsWith("}");
            if (param ? actual[i].isEmpty() : !pattern[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String p) {
        String trimmed = p;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
