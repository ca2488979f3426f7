package com.subscriptionsuite.adapters.http.idempotency;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Completion;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Outcome;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Response;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} header, for every route that changes state for a user: POST, PUT,
 * PATCH and DELETE routes of the {@link Access#GUEST_OR_CUSTOMER} and {@link Access#CUSTOMER}
 * levels, whatever they do (a route gets it by being declared so, nothing else). With the header,
 * the request runs through {@link IdempotentRequests} under the token's user: its fingerprint is
 * the SHA-256 of method, path, query and body; a retry gets the first response again with
 * {@code Idempotent-Replayed: true}. Without the header the route runs as it is. ADMIN routes have
 * no user to keep keys for and are left as they are.
 * <p>
 * A route declared an operation ({@link Route#asOperation()}: its use case calls the billing system,
 * so it cannot run in one unit of work) runs through {@link IdempotentRequests#runOperation}: the
 * handler finds the request's {@link Completion} on the context and hands it to the use case as the
 * {@code Operation}'s {@code keepAnswer} ({@link #answer}), which stores the response in the unit
 * that commits the use case's effects. A response the use case did not keep (a refusal) is stored
 * after the handler returns, as for other routes.
 */
public final class IdempotencyKeys {
    public static final String HEADER = IdempotencyFailure.HEADER;
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The context attribute holding an operation route's {@link Completion}, for {@link #answer}. */
    private static final String COMPLETION = IdempotencyKeys.class.getName() + ".completion";
    private static final Set<HandlerType> CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final IdempotentRequests requests;
    private final JsonBody body;
    private final Json json;

    public IdempotencyKeys(IdempotentRequests requests, JsonBody body, Json json) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.body = Objects.requireNonNull(body, "body");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Whether a route honours the header: it changes state and acts for a customer or guest. */
    public static boolean honoured(Route route) {
        return CHANGING.contains(route.method())
                && (route.access() == Access.GUEST_OR_CUSTOMER || route.access() == Access.CUSTOMER);
    }

    /** The route with the header honoured when {@link #honoured}, else the route itself. */
    public Route applyTo(Route route) {
        if (!honoured(route)) {
            return route;
        }
        return route.withHandler(wrap(route.handler(), route.operation()));
    }

    /**
     * The answer of an operation route's use case, for its handler: the {@code Operation} to pass
     * to the use case (keyed with the request's {@code Idempotency-Key} on a route declared an
     * operation, unkeyed otherwise) and the body to send for the answer, rendered once by
     * {@code render} so that what is kept is byte for byte what is sent.
     */
    public static <T> OperationAnswer<T> answer(Context ctx, Function<T, byte[]> render) {
        Completion completion = ctx.attribute(COMPLETION);
        return new OperationAnswer<>(completion, render);
    }

    /** Runs after RequestAccess admitted the token (the key belongs to the token's user). */
    private Handler wrap(Handler handler, boolean operation) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            long tenantId = RequestTenant.of(ctx).id();
            long userId = RequestAccess.principal(ctx).userId();
            String fingerprint = fingerprint(ctx);
            Either<IdempotencyFailure, Outcome> outcome = operation
                    ? requests.runOperation(tenantId, userId, key, fingerprint, completion -> {
                        ctx.attribute(COMPLETION, completion);
                        return run(handler, ctx);
                    })
                    : requests.run(tenantId, userId, key, fingerprint, () -> run(handler, ctx));
            if (outcome.isLeft()) {
                json.error(ctx, ApiError.from(outcome.getLeft()));
            } else if (outcome.get().replayed()) {
                Response stored = outcome.get().response();
                ctx.status(stored.status()).contentType(Json.CONTENT_TYPE).header(REPLAYED, "true")
                        .result(stored.body().getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Runs the route's handler and reads back what it answered (leaving the answer in place). */
    private static Response run(Handler handler, Context ctx) {
        try {
            handler.handle(ctx);
            InputStream result = ctx.resultInputStream();
            byte[] bytes = result == null ? new byte[0] : result.readAllBytes();
            ctx.result(bytes);
            return new Response(ctx.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over method, path, query and body (bytes as sent, at most the body limit). */
    private String fingerprint(Context ctx) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        sha256.update((ctx.method().name() + "\n" + ctx.path() + "\n" + query + "\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.bytes(ctx);
        sha256.update(bytes == null ? "(larger than the body limit)".getBytes(StandardCharsets.UTF_8) : bytes);
        return HexFormat.of().formatHex(sha256.digest());
    }
}
