package com.subscriptionsuite.adapters.http.checkout;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.idempotency.OperationAnswer;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Subscribed;
import com.subscriptionsuite.application.port.in.identity.Principal;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * POST /subscription: the checkout, for the token's user (a customer, or a guest where the shop
 * allows guest checkout). Honours {@code Idempotency-Key} like every state-changing user route.
 */
public final class CheckoutEndpoints {
    private final Checkout checkout;
    private final Json json;
    private final JsonBody body;

    private CheckoutEndpoints(Checkout checkout, Json json, JsonBody body) {
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(Checkout checkout, Json json, JsonBody body) {
        CheckoutEndpoints e = new CheckoutEndpoints(checkout, json, body);
        return List.of(Route.post("/subscription", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER, e::subscribe)
                .asOperation());
    }

    void subscribe(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        OperationAnswer<Subscribed> answer = IdempotencyKeys.answer(ctx,
                subscribed -> json.bytes(SubscribeResponse.from(subscribed)));
        json.sendRendered(ctx, body.read(ctx, SubscribeRequest.class)
                .flatMap(request -> request.toCommand(tenantId, caller))
                .mapLeft(ApiError::from)
                .flatMap(command -> checkout.subscribe(command, answer.operation()).mapLeft(ApiError::from))
                .map(answer::body));
    }

    /**
     * The seed's answer {@code {success, ids}}: {@code ids} are the new subscriptions' ids (as
     * Zuora's subscribe answers {@code subscriptionId}), one per suite product by order_pos.
     * Extensions: {@code subscriptions} (each with its number, the uuid of {@code /product/{uuid}}
     * and its suite product) and the first invoice's {@code invoice_id} and {@code invoice_number}
     * (null when nothing was due).
     */
    record SubscribeResponse(boolean success, List<String> ids, List<NewSubscription> subscriptions,
            String invoiceId, String invoiceNumber) {
        static SubscribeResponse from(Subscribed subscribed) {
            return new SubscribeResponse(true, subscribed.ids(), subscribed.subscriptions().stream()
                    .map(s -> new NewSubscription(s.id(), s.number(), s.uuid(), s.suiteProductId())).toList(),
                    subscribed.invoiceId(), subscribed.invoiceNumber());
        }
    }

    record NewSubscription(String id, String subscriptionNumber, String uuid, long suiteProductId) {
    }
}
