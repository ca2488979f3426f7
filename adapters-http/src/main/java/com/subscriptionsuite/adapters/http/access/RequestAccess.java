package com.subscriptionsuite.adapters.http.access;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.admin.AuthorizeAdmin;
import com.subscriptionsuite.application.port.in.identity.Authenticate;
import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import com.subscriptionsuite.application.port.in.identity.Principal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the access matrix is enforced: wraps the handler of every tenant-scoped route,
 * after {@link RequestTenant} has resolved the tenant, and lets the handler run only when the
 * request's {@code Authorization: Bearer <credential>} satisfies the route's {@link Access}:
 * <ul>
 * <li>{@link Access#PUBLIC}: nothing is checked, except on a route marked
 * {@link Route#withOptionalToken()}: there a bearer token, if sent, must be an active token of this
 * tenant (else 401 {@code not_authenticated}, as below), and the handler gets its principal
 * ({@link #principalIfAny}); without a bearer credential (no {@code Authorization}, another scheme,
 * an empty token) the caller is anonymous;</li>
 * <li>{@link Access#GUEST_OR_CUSTOMER} and {@link Access#CUSTOMER}: the token must be an active
 * token of this tenant ({@link Authenticate}), else 401 {@code not_authenticated}; a guest token on
 * a CUSTOMER route is 403 {@code customer_required};</li>
 * <li>{@link Access#ADMIN}: the credential must be one of this tenant's admin keys
 * ({@link AuthorizeAdmin}), else 401 {@code admin_key_invalid}. Customer tokens are no admin
 * keys.</li>
 * </ul>
 * Every 401 carries {@code WWW-Authenticate: Bearer} (with {@code error="invalid_token"} when a
 * credential was presented). The principal (or the admin key) is put into the request's context
 * for the handler.
 */
public final class RequestAccess {
    private static final Logger LOG = LoggerFactory.getLogger(RequestAccess.class);
    private static final String PRINCIPAL = RequestAccess.class.getName() + ".principal";
    private static final String TOKEN = RequestAccess.class.getName() + ".token";
    private static final String ADMIN = RequestAccess.class.getName() + ".admin";

    private final Authenticate authenticate;
    private final AuthorizeAdmin authorizeAdmin;
    private final Json json;

    public RequestAccess(Authenticate authenticate, AuthorizeAdmin authorizeAdmin, Json json) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
        this.authorizeAdmin = Objects.requireNonNull(authorizeAdmin, "authorizeAdmin");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Wraps the handler of a tenant-scoped route with the check of its access level (and optional token). */
    public Handler guard(Route route) {
        Objects.requireNonNull(route, "route");
        return route.optionalToken() ? optionalToken(route.handler()) : guard(route.access(), route.handler());
    }

    /** Wraps a handler with the check of an access level. */
    public Handler guard(Access access, Handler handler) {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!access.needsCredentials()) {
            return handler;
        }
        return ctx -> {
            if (admitted(access, ctx)) {
                handler.handle(ctx);
            }
        };
    }

    /** A PUBLIC handler that knows its caller when a token is sent: no token lets it run anonymously. */
    private Handler optionalToken(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return ctx -> {
            long tenantId = RequestTenant.of(ctx).id();
            boolean admitted = Bearer.credential(ctx.header("Authorization"))
                    .map(token -> admitUser(ctx, tenantId, token, false))
                    .getOrElse(true);
            if (admitted) {
                handler.handle(ctx);
            }
        };
    }

    private boolean admitted(Access access, Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        Option<String> credential = Bearer.credential(ctx.header("Authorization"));
        if (credential.isEmpty()) {
            IdentityFailure missing = access == Access.ADMIN
                    ? new IdentityFailure.AdminKeyInvalid()
                    : new IdentityFailure.NotAuthenticated();
            json.error(ctx, ApiError.from(missing).withHeader("WWW-Authenticate", ApiError.BEARER_CHALLENGE));
            return false;
        }
        String presented = credential.getOrElse("");
        return access == Access.ADMIN
                ? admitAdmin(ctx, tenantId, presented)
                : admitUser(ctx, tenantId, presented, access == Access.CUSTOMER);
    }

    private boolean admitAdmin(Context ctx, long tenantId, String key) {
        Either<IdentityFailure, AuthorizeAdmin.Admin> authorized = authorizeAdmin.authorize(tenantId, key)
                .flatMap(admin -> admin.tenantId() != tenantId
                        ? Either.left(new IdentityFailure.AdminKeyInvalid())
                        : Either.right(admin));
        return refuseOr(ctx, authorized.map(admin -> {
            ctx.attribute(ADMIN, admin);
            LOG.info("admin key '{}' of tenant {}: {} {}", admin.keyName(), tenantId, ctx.method().name(), ctx.path());
            return admin;
        }));
    }

    private boolean admitUser(Context ctx, long tenantId, String token, boolean customerOnly) {
        Either<IdentityFailure, Principal> principal = authenticate.authenticate(tenantId, token)
                .flatMap(p -> p.tenantId() != tenantId
                        ? Either.left(new IdentityFailure.NotAuthenticated())
                        : customerOnly && p.guest()
                                ? Either.left(new IdentityFailure.CustomerRequired())
                                : Either.right(p));
        return refuseOr(ctx, principal.map(p -> {
            ctx.attribute(PRINCIPAL, p);
            ctx.attribute(TOKEN, token);
            return p;
        }));
    }

    private boolean refuseOr(Context ctx, Either<IdentityFailure, ?> outcome) {
        outcome.peekLeft(failure -> json.error(ctx, ApiError.from(failure)));
        return outcome.isRight();
    }

    /** Who the request's bearer token speaks for; only inside a GUEST_OR_CUSTOMER or CUSTOMER route. */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no principal for " + ctx.path() + ": route does not need a token");
        }
        return principal;
    }

    /**
     * Who the request's bearer token speaks for on a route with an optional token (or any route that
     * needs one); none for an anonymous caller.
     */
    public static Option<Principal> principalIfAny(Context ctx) {
        return Option.of(ctx.attribute(PRINCIPAL));
    }

    /** The bearer token that authenticated the request (for logout, which revokes exactly it). */
    public static String token(Context ctx) {
        String token = ctx.attribute(TOKEN);
        if (token == null) {
            throw new IllegalStateException("no token for " + ctx.path() + ": route does not need a token");
        }
        return token;
    }

    /** The admin key that authorised the request; only inside an ADMIN route. */
    public static AuthorizeAdmin.Admin admin(Context ctx) {
        AuthorizeAdmin.Admin admin = ctx.attribute(ADMIN);
        if (admin == null) {
            throw new IllegalStateException("no admin key for " + ctx.path() + ": route is not an admin route");
        }
        return admin;
    }
}
