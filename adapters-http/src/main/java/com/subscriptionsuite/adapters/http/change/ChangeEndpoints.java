package com.subscriptionsuite.adapters.http.change;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.change.ChangeResponses.ChangedProduct;
import com.subscriptionsuite.adapters.http.change.ChangeResponses.PreviewedProduct;
import com.subscriptionsuite.adapters.http.change.ChangeResponses.QuantityOptionsProduct;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.idempotency.OperationAnswer;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.change.AppliedChange;
import com.subscriptionsuite.application.port.in.change.ChangeCommand;
import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
import com.subscriptionsuite.application.port.in.identity.Principal;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The seed's subscription-change operations on {@code /product/{uuid}/...} ({@code {uuid}}: one
 * subscribed suite product of the token's customer; another's answers 404 as an unknown one), and
 * the cancel the seed lacks ({@code PUT /product/{uuid}/cancel}). Previews are GETs and store
 * nothing; the changes are PUTs, and the seed's {@code GET /product/{uuid}/replace/{changeOptionId}}
 * is served too, for compatibility (docs/subscription-changes.md, "GET or PUT"). Every answer carries
 * {@code Cache-Control: no-store}: it is one customer's, and a replayed GET must reach the server.
 */
public final class ChangeEndpoints {
    private final ChangeSubscription changes;
    private final Json json;
    private final JsonBody body;

    private ChangeEndpoints(ChangeSubscription changes, Json json, JsonBody body) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(ChangeSubscription changes, Json json, JsonBody body) {
        ChangeEndpoints e = new ChangeEndpoints(changes, json, body);
        Route.Scope tenant = Route.Scope.TENANT;
        return List.of(
                Route.get("/product/{uuid}/preview/cancel", tenant, Access.CUSTOMER, e::previewCancel),
                Route.put("/product/{uuid}/cancel", tenant, Access.CUSTOMER, e::cancel).asOperation(),
                Route.get("/product/{uuid}/preview/change-quantity", tenant, Access.CUSTOMER, e::quantityOptions),
                Route.get("/product/{uuid}/preview/change-quantity/{quantity}", tenant, Access.CUSTOMER,
                        e::previewQuantity),
                Route.put("/product/{uuid}/quantity/{quantity}", tenant, Access.CUSTOMER, e::changeQuantity)
                        .asOperation(),
                Route.get("/product/{uuid}/preview/replace/{changeOptionId}", tenant, Access.CUSTOMER,
                        e::previewReplace),
                Route.get("/product/{uuid}/replace/{changeOptionId}", tenant, Access.CUSTOMER, e::replace)
                        .changingState(),
                Route.put("/product/{uuid}/replace/{changeOptionId}", tenant, Access.CUSTOMER, e::replace)
                        .asOperation());
    }

    /** What a cancel would do; {@code ?effective_date=YYYY-MM-DD} names a wished date. */
    void previewCancel(Context ctx) {
        Caller caller = Caller.of(ctx);
        send(ctx, wishedDate(ctx.queryParam("effective_date")).mapLeft(ApiError::from)
                .flatMap(wished -> preview(caller, caller.cancel(wished))));
    }

    /**
     * Books the cancel. The wished date comes from {@code ?effective_date=} or the optional body
     * {@code {"effective_date": "YYYY-MM-DD"}}, not both.
     */
    void cancel(Context ctx) throws IOException {
        Caller caller = Caller.of(ctx);
        String query = ctx.queryParam("effective_date");
        sendApplied(ctx, body.readOptional(ctx, CancelRequest.class, CancelRequest.NONE)
                .flatMap(request -> request.effectiveDate() != null && query != null
                        ? Either.left(new RequestFailure.FieldType("effective_date",
                                "a date in the query or in the body", "both"))
                        : wishedDate(query != null ? query : request.effectiveDate()))
                .mapLeft(ApiError::from)
                .flatMap(wished -> apply(ctx, caller, caller.cancel(wished))));
    }

    /** The change-quantity initialisation: the current quantity, the range, and the offered changes. */
    void quantityOptions(Context ctx) {
        Caller caller = Caller.of(ctx);
        send(ctx, changes.quantityOptions(caller.tenantId(), caller.userId(), caller.uuid())
                .mapLeft(ApiError::from)
                .map(options -> QuantityOptionsProduct.from(options, caller.tenantId())));
    }

    void previewQuantity(Context ctx) {
        Caller caller = Caller.of(ctx);
        send(ctx, positive("quantity", ctx.pathParam("quantity")).mapLeft(ApiError::from)
                .flatMap(n -> preview(caller, caller.changeQuantity(n))));
    }

    void changeQuantity(Context ctx) throws IOException {
        Caller caller = Caller.of(ctx);
        sendApplied(ctx, body.readNothing(ctx)
                .flatMap(none -> positive("quantity", ctx.pathParam("quantity"))).mapLeft(ApiError::from)
                .flatMap(n -> apply(ctx, caller, caller.changeQuantity(n))));
    }

    void previewReplace(Context ctx) {
        Caller caller = Caller.of(ctx);
        send(ctx, positive("changeOptionId", ctx.pathParam("changeOptionId")).mapLeft(ApiError::from)
                .flatMap(option -> preview(caller, caller.replace(option))));
    }

    /** GET (the seed's) and PUT: the same replacement. */
    void replace(Context ctx) throws IOException {
        Caller caller = Caller.of(ctx);
        sendApplied(ctx, body.readNothing(ctx)
                .flatMap(none -> positive("changeOptionId", ctx.pathParam("changeOptionId"))).mapLeft(ApiError::from)
                .flatMap(option -> apply(ctx, caller, caller.replace(option))));
    }

    /** The token's customer asking about the path's subscription. */
    private record Caller(long tenantId, long userId, String uuid) {
        static Caller of(Context ctx) {
            Principal principal = RequestAccess.principal(ctx);
            return new Caller(RequestTenant.of(ctx).id(), principal.userId(), ctx.pathParam("uuid"));
        }

        ChangeCommand cancel(Option<LocalDate> wished) {
            return ChangeCommand.cancel(tenantId, userId, uuid, wished);
        }

        ChangeCommand changeQuantity(long quantity) {
            return ChangeCommand.changeQuantity(tenantId, userId, uuid, quantity);
        }

        ChangeCommand replace(long changeOptionId) {
            return ChangeCommand.replace(tenantId, userId, uuid, changeOptionId);
        }
    }

    private Either<ApiError, PreviewedProduct> preview(Caller caller, ChangeCommand command) {
        return changes.preview(command).mapLeft(ApiError::from)
                .map(preview -> PreviewedProduct.from(preview, caller.tenantId()));
    }

    /**
     * Books the change as the request's operation (its {@code Idempotency-Key}, if any, keeps the
     * answer with what the change commits): the body to send, rendered once.
     */
    private Either<ApiError, byte[]> apply(Context ctx, Caller caller, ChangeCommand command) {
        OperationAnswer<AppliedChange> answer = IdempotencyKeys.answer(ctx,
                applied -> json.bytes(ChangedProduct.from(applied, caller.tenantId())));
        return changes.apply(command, answer.operation()).mapLeft(ApiError::from).map(answer::body);
    }

    private void send(Context ctx, Either<ApiError, ?> result) {
        ctx.header("Cache-Control", "no-store");
        json.send(ctx, result);
    }

    private void sendApplied(Context ctx, Either<ApiError, byte[]> rendered) {
        ctx.header("Cache-Control", "no-store");
        json.sendRendered(ctx, rendered);
    }

    /** A whole number of at least 1 in the path; anything else is 400 naming the path parameter. */
    static Either<RequestFailure, Long> positive(String name, String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Either.left(new RequestFailure.FieldType(name, "an integer of at least 1", "'" + raw + "'"));
        }
        long value = Long.parseLong(raw);
        return value >= 1 ? Either.right(value)
                : Either.left(new RequestFailure.FieldType(name, "an integer of at least 1", raw));
    }

    /** A wished effective date {@code YYYY-MM-DD}; none when not given. */
    static Either<RequestFailure, Option<LocalDate>> wishedDate(String raw) {
        if (raw == null) {
            return Either.right(Option.none());
        }
        try {
            if (!raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", raw, 0);
            }
            return Either.right(Option.some(LocalDate.parse(raw)));
        } catch (DateTimeParseException e) {
            return Either.left(new RequestFailure.FieldType("effective_date", "a date YYYY-MM-DD", "'" + raw + "'"));
        }
    }

    /** The optional body of {@code PUT /product/{uuid}/cancel}. */
    record CancelRequest(String effectiveDate) {
        static final CancelRequest NONE = new CancelRequest(null);
    }
}
