package com.subscriptionsuite.adapters.http.identity;

import com.subscriptionsuite.adapters.http.access.ClientAddress;
import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.identity.IdentityRequests.ConfirmResetRequest;
import com.subscriptionsuite.adapters.http.identity.IdentityRequests.LogInRequest;
import com.subscriptionsuite.adapters.http.identity.IdentityRequests.RegisterRequest;
import com.subscriptionsuite.adapters.http.identity.IdentityRequests.StartResetRequest;
import com.subscriptionsuite.adapters.http.identity.IdentityResponses.Guest;
import com.subscriptionsuite.adapters.http.identity.IdentityResponses.LoggedIn;
import com.subscriptionsuite.adapters.http.identity.IdentityResponses.Registered;
import com.subscriptionsuite.adapters.http.identity.IdentityResponses.Success;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.identity.LogIn;
import com.subscriptionsuite.application.port.in.identity.LogInAsGuest;
import com.subscriptionsuite.application.port.in.identity.LogOut;
import com.subscriptionsuite.application.port.in.identity.Register;
import com.subscriptionsuite.application.port.in.identity.ResetPassword;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The seed's auth operations: POST /register, /login, /login/guest, /logout,
 * /password-reset/init and /password-reset/confirm. The throttle's client key is the socket peer
 * ({@link ClientAddress}: the connection's peer; {@code X-Forwarded-For} only from a trusted proxy).
 */
public final class IdentityEndpoints {
    /** The identity use cases the endpoints call. */
    public record UseCases(Register register, LogIn logIn, LogInAsGuest logInAsGuest, LogOut logOut,
            ResetPassword resetPassword) {
        public UseCases {
            Objects.requireNonNull(register, "register");
            Objects.requireNonNull(logIn, "logIn");
            Objects.requireNonNull(logInAsGuest, "logInAsGuest");
            Objects.requireNonNull(logOut, "logOut");
            Objects.requireNonNull(resetPassword, "resetPassword");
        }
    }

    private final UseCases useCases;
    private final Json json;
    private final JsonBody body;

    private IdentityEndpoints(UseCases useCases, Json json, JsonBody body) {
        this.useCases = useCases;
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(UseCases useCases, Json json, JsonBody body) {
        IdentityEndpoints e = new IdentityEndpoints(useCases, json, body);
        return List.of(
                Route.post("/register", Route.Scope.TENANT, Access.PUBLIC, e::register),
                Route.post("/login", Route.Scope.TENANT, Access.PUBLIC, e::logIn),
                Route.post("/login/guest", Route.Scope.TENANT, Access.PUBLIC, e::logInAsGuest),
                Route.post("/logout", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER, e::logOut),
                Route.post("/password-reset/init", Route.Scope.TENANT, Access.PUBLIC, e::startReset),
                Route.post("/password-reset/confirm", Route.Scope.TENANT, Access.PUBLIC, e::confirmReset));
    }

    void register(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        String client = ClientAddress.of(ctx);
        json.send(ctx, body.read(ctx, RegisterRequest.class)
                .flatMap(request -> request.toCommand(tenantId, client))
                .mapLeft(ApiError::from)
                .flatMap(command -> useCases.register().register(command).mapLeft(ApiError::from))
                .map(Registered::from));
    }

    void logIn(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        String client = ClientAddress.of(ctx);
        json.send(ctx, body.read(ctx, LogInRequest.class)
                .flatMap(request -> request.toCommand(tenantId, client))
                .mapLeft(ApiError::from)
                .flatMap(command -> useCases.logIn().logIn(command).mapLeft(ApiError::from))
                .map(LoggedIn::from));
    }

    void logInAsGuest(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        json.send(ctx, body.readNothing(ctx)
                .mapLeft(ApiError::from)
                .flatMap(nothing -> useCases.logInAsGuest().logInAsGuest(tenantId, ClientAddress.of(ctx)).mapLeft(ApiError::from))
                .map(Guest::from));
    }

    /** Runs after RequestAccess admitted the token; revokes exactly that token. */
    void logOut(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        String token = RequestAccess.token(ctx);
        json.send(ctx, body.readNothing(ctx)
                .mapLeft(ApiError::from)
                .flatMap(nothing -> useCases.logOut().logOut(tenantId, token).mapLeft(ApiError::from))
                .map(loggedOut -> Success.YES));
    }

    /** The same answer whether or not the email has an account (see ResetPassword). */
    void startReset(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        String client = ClientAddress.of(ctx);
        json.send(ctx, body.read(ctx, StartResetRequest.class)
                .flatMap(request -> request.toCommand(tenantId, client))
                .mapLeft(ApiError::from)
                .flatMap(command -> useCases.resetPassword().start(command).mapLeft(ApiError::from))
                .map(requested -> Success.YES));
    }

    void confirmReset(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        json.send(ctx, body.read(ctx, ConfirmResetRequest.class)
                .flatMap(request -> request.toCommand(tenantId))
                .mapLeft(ApiError::from)
                .flatMap(command -> useCases.resetPassword().confirm(command).mapLeft(ApiError::from))
                .map(changed -> Success.YES));
    }
}
