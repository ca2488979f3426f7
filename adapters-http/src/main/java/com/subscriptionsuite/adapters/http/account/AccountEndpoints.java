package com.subscriptionsuite.adapters.http.account;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.account.SubscriptionResponses.SubscriptionAndRatePlan;
import com.subscriptionsuite.adapters.http.account.SubscriptionResponses.SuiteProductWithSubscription;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.idempotency.OperationAnswer;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.account.ManageAccount;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.account.ReadInvoices.Document;
import com.subscriptionsuite.application.port.in.account.ReadSubscriptions;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The customer center's account part, for the token's customer only (there is no account id in
 * any path): GET and PUT /account, GET /account/subscription, /account/rate-plan,
 * /account/invoice and /account/invoice/{invoiceId}.
 */
public final class AccountEndpoints {
    private final ManageAccount manageAccount;
    private final ReadSubscriptions readSubscriptions;
    private final ReadInvoices readInvoices;
    private final Json json;
    private final JsonBody body;

    private AccountEndpoints(ManageAccount manageAccount, ReadSubscriptions readSubscriptions,
            ReadInvoices readInvoices, Json json, JsonBody body) {
        this.manageAccount = Objects.requireNonNull(manageAccount, "manageAccount");
        this.readSubscriptions = Objects.requireNonNull(readSubscriptions, "readSubscriptions");
        this.readInvoices = Objects.requireNonNull(readInvoices, "readInvoices");
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(ManageAccount manageAccount, ReadSubscriptions readSubscriptions,
            ReadInvoices readInvoices, Json json, JsonBody body) {
        AccountEndpoints e = new AccountEndpoints(manageAccount, readSubscriptions, readInvoices, json, body);
        return List.of(
                Route.get("/account", Route.Scope.TENANT, Access.CUSTOMER, e::show),
                Route.put("/account", Route.Scope.TENANT, Access.CUSTOMER, e::update).asOperation(),
                Route.get("/account/subscription", Route.Scope.TENANT, Access.CUSTOMER, e::subscriptions),
                Route.get("/account/rate-plan", Route.Scope.TENANT, Access.CUSTOMER, e::ratePlans),
                Route.get("/account/invoice", Route.Scope.TENANT, Access.CUSTOMER, e::invoices),
                Route.get("/account/invoice/{invoiceId}", Route.Scope.TENANT, Access.CUSTOMER, e::invoice));
    }

    void show(Context ctx) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, manageAccount.show(RequestTenant.of(ctx).id(), caller.userId())
                .mapLeft(ApiError::from)
                .map(account -> AccountBody.from(account.details(), account.currency().getCode())));
    }

    void update(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        OperationAnswer<BillingAccount> answer = IdempotencyKeys.answer(ctx, updated -> json.bytes(new Success(true)));
        json.sendRendered(ctx, body.read(ctx, AccountBody.class)
                .mapLeft(ApiError::from)
                .flatMap(account -> manageAccount.update(tenantId, caller.userId(), account.toDetails(),
                        answer.operation()).mapLeft(ApiError::from))
                .map(answer::body));
    }

    void subscriptions(Context ctx) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, readSubscriptions.subscriptions(RequestTenant.of(ctx).id(), caller.userId())
                .mapLeft(ApiError::from)
                .map(list -> list.stream().map(SuiteProductWithSubscription::from).toList()));
    }

    void ratePlans(Context ctx) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, readSubscriptions.ratePlans(RequestTenant.of(ctx).id(), caller.userId())
                .mapLeft(ApiError::from)
                .map(list -> list.stream().map(SubscriptionAndRatePlan::from).toList()));
    }

    void invoices(Context ctx) {
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, readInvoices.invoices(RequestTenant.of(ctx).id(), caller.userId())
                .mapLeft(ApiError::from)
                .map(list -> list.stream().map(InvoiceEntry::from).toList()));
    }

    /**
     * The invoice document: by default (no Accept, or one that takes JSON) the seed's JSON string,
     * the document's bytes in base64; with an Accept that names the document's media type
     * ({@code application/pdf}), the bytes themselves with a file name. An Accept that takes neither
     * is 406.
     */
    void invoice(Context ctx) {
        Principal caller = RequestAccess.principal(ctx);
        String accept = ctx.header("Accept");
        Either<ApiError, Document> document = readInvoices.document(RequestTenant.of(ctx).id(), caller.userId(),
                ctx.pathParam("invoiceId")).mapLeft(ApiError::from);
        if (document.isLeft()) {
            json.error(ctx, document.getLeft());
            return;
        }
        Document d = document.get();
        if (names(accept, d.mediaType())) {
            ctx.status(200).contentType(d.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                    .result(d.content());
        } else if (accept == null || names(accept, Json.CONTENT_TYPE) || names(accept, "application/*")
                || names(accept, "*/*")) {
            json.ok(ctx, Base64.getEncoder().encodeToString(d.content()));
        } else {
            json.error(ctx, ApiError.from(new RequestFailure.NotAcceptable(accept,
                    List.of(Json.CONTENT_TYPE, d.mediaType()))));
        }
    }

    /** Whether the Accept header lists this media range (not refused with q=0). */
    static boolean names(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            if (!params[0].strip().equalsIgnoreCase(mediaType)) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        refused = new BigDecimal(p.substring(2).strip()).signum() == 0;
                    } catch (NumberFormatException e) {
                        refused = false;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    record Success(boolean success) {
    }

    /**
     * The seed's Invoice: {@code amount} is the total with tax, {@code amount_without_tax} the net,
     * {@code tax_amount} the tax, {@code payment_amount} what was collected, {@code balance} the rest
     * (the built-in ledger collects no payments, so balance is the amount).
     */
    record InvoiceEntry(BigDecimal paymentAmount, String invoiceDate, String dueDate, BigDecimal taxAmount,
            BigDecimal amount, BigDecimal balance, BigDecimal amountWithoutTax, String invoiceNumber, String id) {
        static InvoiceEntry from(Invoice i) {
            TaxSplit total = i.total();
            return new InvoiceEntry(i.paid().getAmount(), i.invoiceDate().toString(), i.dueDate().toString(),
                    total.tax().getAmount(), total.brutto().getAmount(), i.balance().getAmount(),
                    total.netto().getAmount(), i.number(), i.id());
        }
    }
}
