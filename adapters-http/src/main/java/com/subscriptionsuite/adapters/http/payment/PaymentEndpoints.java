package com.subscriptionsuite.adapters.http.payment;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.idempotency.OperationAnswer;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.payment.PaymentRequests.AccountPaymentMethodRequest;
import com.subscriptionsuite.adapters.http.payment.PaymentRequests.PageSubmissionRequest;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.AccountPaymentMethodChanged;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.AccountPaymentMethodResponse;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.Approved;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.AvailableOption;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.PayPalInit;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.PaymentMethodResponse;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.Signature;
import com.subscriptionsuite.adapters.http.payment.PaymentResponses.Submitted;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.payment.ApprovePayPal;
import com.subscriptionsuite.application.port.in.payment.ChangeAccountPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowAccountPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowPaymentMethod;
import com.subscriptionsuite.application.port.in.payment.ShowPaymentOptions;
import com.subscriptionsuite.application.port.in.payment.SignPaymentPage;
import com.subscriptionsuite.application.port.in.payment.StartPayPal;
import com.subscriptionsuite.application.port.in.payment.SubmitPaymentPage;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The seed's payment-method operations (the available methods, a stored method, a hosted page's
 * signature, PayPal's start, the account's default method), the built-in hosted page's submission
 * ({@code POST /payment-page/{pageId}/submit}) and the built-in PayPal approval
 * ({@code GET /payment-provider/paypal/approve}). The last two are PUBLIC: the page's signed token,
 * and the approval token, are their credential, each usable once. The seed's {@code paymentMethodId}
 * is a stored method's id on {@code GET /payment-method/{paymentMethodId}} and a payment option's id
 * ("the ID of a Subscription Suite payment method") on {@code /signature} and {@code /paypal/init}.
 */
public final class PaymentEndpoints {
    private final Json json;
    private final JsonBody body;

    private PaymentEndpoints(Json json, JsonBody body) {
        this.json = json;
        this.body = body;
    }

    /**
     * The routes of the engine's payments group: the options and a stored method always; the hosted
     * page's pair, PayPal's pair and the account's payment method each when its part of the group is
     * there (an unmounted route is answered as any unknown route).
     */
    public static List<Route> routes(Engine.Payments payments, Json json, JsonBody body) {
        Objects.requireNonNull(payments, "payments");
        PaymentEndpoints e = new PaymentEndpoints(json, body);
        List<Route> routes = new ArrayList<>();
        // before /payment-method/{paymentMethodId}, which would match it too
        routes.add(Route.get("/payment-method/available", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER,
                ctx -> e.available(ctx, payments.showPaymentOptions())));
        routes.add(Route.get("/payment-method/{paymentMethodId}", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER,
                ctx -> e.paymentMethod(ctx, payments.showPaymentMethod())));
        payments.hostedPages().ifPresent(pages -> {
            routes.add(Route.get("/payment-method/{paymentMethodId}/signature", Route.Scope.TENANT,
                    Access.GUEST_OR_CUSTOMER, ctx -> e.signature(ctx, pages.signPaymentPage())).changingState());
            routes.add(Route.post("/payment-page/{pageId}/submit", Route.Scope.TENANT, Access.PUBLIC,
                    ctx -> e.submit(ctx, pages.submitPaymentPage())));
        });
        payments.payPal().ifPresent(payPal -> {
            routes.add(Route.get("/payment-method/{paymentMethodId}/paypal/init", Route.Scope.TENANT,
                    Access.GUEST_OR_CUSTOMER, ctx -> e.payPalInit(ctx, payPal.startPayPal())).changingState());
            routes.add(Route.get("/payment-provider/paypal/approve", Route.Scope.TENANT, Access.PUBLIC,
                    ctx -> e.payPalApprove(ctx, payPal.approvePayPal())).changingState());
        });
        payments.accountPaymentMethod().ifPresent(account -> {
            routes.add(Route.get("/account/payment-method", Route.Scope.TENANT, Access.CUSTOMER,
                    ctx -> e.accountPaymentMethod(ctx, account.showAccountPaymentMethod())));
            routes.add(new Route(HandlerType.PUT, "/account/payment-method", Route.Scope.TENANT, Access.CUSTOMER,
                    ctx -> e.changeAccountPaymentMethod(ctx, account.changeAccountPaymentMethod())).asOperation());
        });
        return List.copyOf(routes);
    }

    void available(Context ctx, ShowPaymentOptions showOptions) {
        json.send(ctx, showOptions.available(RequestTenant.of(ctx).id(), ctx.queryParam("country"))
                .mapLeft(ApiError::from)
                .map(options -> options.stream().map(AvailableOption::from).toList()));
    }

    void paymentMethod(Context ctx, ShowPaymentMethod method) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, method.paymentMethod(RequestTenant.of(ctx).id(), caller.userId(),
                        ctx.pathParam("paymentMethodId"))
                .mapLeft(ApiError::from)
                .map(PaymentMethodResponse::from));
    }

    void signature(Context ctx, SignPaymentPage sign) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, sign.sign(RequestTenant.of(ctx).id(), caller.userId(),
                        ctx.pathParam("paymentMethodId"), ctx.queryParam("locale"))
                .mapLeft(ApiError::from)
                .map(Signature::from));
    }

    void submit(Context ctx, SubmitPaymentPage submit) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        String pageId = ctx.pathParam("pageId");
        json.send(ctx, body.read(ctx, PageSubmissionRequest.class)
                .flatMap(request -> request.toSubmission(tenantId, pageId))
                .mapLeft(ApiError::from)
                .flatMap(submission -> submit.submit(submission).mapLeft(ApiError::from))
                .map(Submitted::from));
    }

    void payPalInit(Context ctx, StartPayPal startPayPal) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, startPayPal.start(RequestTenant.of(ctx).id(), caller.userId(),
                        ctx.pathParam("paymentMethodId"))
                .mapLeft(ApiError::from)
                .map(PayPalInit::from));
    }

    void payPalApprove(Context ctx, ApprovePayPal approvePayPal) {
        long tenantId = RequestTenant.of(ctx).id();
        String token = ctx.queryParam("token");
        Either<ApiError, String> required = token == null || token.isEmpty()
                ? Either.left(ApiError.from(RequestFailure.FieldRequired.queryParameter("token")))
                : Either.right(token);
        json.send(ctx, required
                .flatMap(t -> approvePayPal.approve(tenantId, t, ctx.queryParam("payer_email"))
                        .mapLeft(ApiError::from))
                .map(Approved::from));
    }

    void accountPaymentMethod(Context ctx, ShowAccountPaymentMethod showAccount) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, showAccount.accountPaymentMethod(RequestTenant.of(ctx).id(), caller.userId())
                .mapLeft(ApiError::from)
                .map(AccountPaymentMethodResponse::from));
    }

    void changeAccountPaymentMethod(Context ctx, ChangeAccountPaymentMethod changeAccount)
            throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        OperationAnswer<PaymentMethod> answer = IdempotencyKeys.answer(ctx,
                changed -> json.bytes(AccountPaymentMethodChanged.from(changed)));
        json.sendRendered(ctx, body.read(ctx, AccountPaymentMethodRequest.class)
                .flatMap(request -> request.toChange(tenantId, caller.userId()))
                .mapLeft(ApiError::from)
                .flatMap(change -> changeAccount.change(change, answer.operation()).mapLeft(ApiError::from))
                .map(answer::body));
    }
}
