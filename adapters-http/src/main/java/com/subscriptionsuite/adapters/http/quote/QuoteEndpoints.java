package com.subscriptionsuite.adapters.http.quote;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.idempotency.OperationAnswer;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.quote.ConfirmQuote;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.in.quote.ShowQuote;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Quotes by their links (docs/quotes.md): GET /quote/{guid} (PUBLIC: the guid is the capability),
 * POST /quote/{guid}/confirm (a customer or guest token; an operation that honours
 * {@code Idempotency-Key}, though the booking's key comes from the quote), POST /admin/quote (admin
 * key). An unknown link and another tenant's get the same 404 {@code quote_not_found}, held back by
 * {@link QuotePacing} to the time a found quote takes.
 */
public final class QuoteEndpoints {
    /**
     * The timer of the held-back answers: one daemon thread, started on first use, which also writes each
     * answer when its time is up (a small 404 body, written into the socket's buffer at once). Not
     * {@code CompletableFuture.delayedExecutor}'s default: on two cores that hands the writing to the common
     * pool's single thread (JDK 25) or to a new thread per answer (JDK 17).
     */
    private static final ScheduledExecutorService HOLD_BACK = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "quote-hold-back");
        thread.setDaemon(true);
        return thread;
    });

    private final Engine.Quotes quotes;
    private final Json json;
    private final JsonBody body;
    private final QuotePacing pacing;

    QuoteEndpoints(Engine.Quotes quotes, Json json, JsonBody body, QuotePacing pacing) {
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.json = json;
        this.body = body;
        this.pacing = pacing;
    }

    public static List<Route> routes(Engine.Quotes quotes, Json json, JsonBody body) {
        QuoteEndpoints e = new QuoteEndpoints(quotes, json, body, QuotePacing.system());
        return List.of(
                Route.get("/quote/{guid}", Route.Scope.TENANT, Access.PUBLIC, e::show),
                Route.post("/quote/{guid}/confirm", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER, e::confirm)
                        .asOperation(),
                Route.post("/admin/quote", Route.Scope.TENANT, Access.ADMIN, e::publish));
    }

    void show(Context ctx) {
        long start = pacing.start();
        Either<QuoteFailure, ShowQuote.ShownQuote> shown = quotes.showQuote().show(RequestTenant.of(ctx).id(),
                ctx.pathParam("guid"));
        Duration hold = pace(shown.isLeft() ? shown.getLeft() : null, start);
        json.send(ctx, shown.mapLeft(ApiError::from).map(QuoteBodies.QuoteResponse::from));
        holdBack(ctx, hold);
    }

    void confirm(Context ctx) throws IOException {
        long start = pacing.start();
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        OperationAnswer<ConfirmQuote.Confirmed> answer = IdempotencyKeys.answer(ctx,
                confirmed -> json.bytes(QuoteBodies.ConfirmResponse.from(confirmed)));
        Duration[] hold = {Duration.ZERO};
        Either<ApiError, byte[]> result = body.readNothing(ctx).mapLeft(ApiError::from).flatMap(none -> {
            Either<QuoteFailure, ConfirmQuote.Confirmed> confirmed = quotes.confirmQuote().confirm(
                    new ConfirmQuote.ConfirmCommand(tenantId, caller.userId(), caller.guest(), ctx.pathParam("guid")),
                    answer.operation());
            if (confirmed.isLeft() && confirmed.getLeft() instanceof QuoteFailure.QuoteNotFound) {
                hold[0] = pacing.hold(start);
            }
            return confirmed.mapLeft(ApiError::from).map(answer::body);
        });
        json.sendRendered(ctx, result);
        holdBack(ctx, hold[0]);
    }

    void publish(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        json.send(ctx, body.read(ctx, QuoteBodies.AdminQuoteRequest.class).mapLeft(ApiError::from)
                .flatMap(request -> (request.linksOnly()
                        ? request.sourceIdAlone().flatMap(id -> quotes.publishQuote().link(tenantId, id))
                        : request.toQuote().flatMap(quote -> quotes.publishQuote().store(tenantId, quote)))
                        .mapLeft(ApiError::from))
                .map(QuoteBodies.PublishedResponse::from));
    }

    private Duration pace(QuoteFailure failure, long start) {
        if (failure instanceof QuoteFailure.QuoteNotFound) {
            return pacing.hold(start);
        }
        if (failure == null) {
            pacing.found(start);
        }
        return Duration.ZERO;
    }

    /**
     * Sends the answer already set on {@code ctx} only after {@code hold}, without holding the request's
     * thread: the handler returns, Jetty's thread goes back to the pool, and Javalin writes the answer (and
     * logs the request) when the delay is over. A flood of unknown links therefore costs timers, not
     * threads (it used to sleep the request thread for up to {@link QuotePacing#CAP}).
     */
    static void holdBack(Context ctx, Duration hold) {
        if (hold.isZero() || hold.isNegative()) {
            return;
        }
        ctx.future(() -> {
            CompletableFuture<Void> over = new CompletableFuture<>();
            HOLD_BACK.schedule(() -> over.complete(null), hold.toNanos(), TimeUnit.NANOSECONDS);
            return over;
        });
    }
}
