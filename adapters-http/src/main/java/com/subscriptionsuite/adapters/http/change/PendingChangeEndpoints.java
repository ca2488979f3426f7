package com.subscriptionsuite.adapters.http.change;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.change.ChangeResponses.AmountsEntry;
import com.subscriptionsuite.adapters.http.change.ChangeResponses.NextInvoiceEntry;
import com.subscriptionsuite.adapters.http.change.ChangeResponses.TaxEntry;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.idempotency.OperationAnswer;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.change.PendingWithdrawal;
import com.subscriptionsuite.application.port.in.change.WithdrawChange;
import com.subscriptionsuite.application.port.in.change.WithdrawChange.WithdrawCommand;
import com.subscriptionsuite.application.port.in.change.WithdrawnChange;
import com.subscriptionsuite.application.port.in.identity.Principal;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The withdrawal of a change or cancel booked for a later date (issue 15; docs/subscription-changes.md,
 * "Withdrawing a pending change"): {@code GET /product/{uuid}/preview/pending-change} shows what is
 * pending and what the subscription and its next invoice are after the withdrawal (stores nothing);
 * {@code DELETE /product/{uuid}/pending-change} withdraws it, an operation with the request's
 * {@code Idempotency-Key} like every change. Another customer's subscription answers 404 as an
 * unknown one. Every answer carries {@code Cache-Control: no-store}.
 */
public final class PendingChangeEndpoints {
    private final WithdrawChange withdraw;
    private final Json json;
    private final JsonBody body;

    private PendingChangeEndpoints(WithdrawChange withdraw, Json json, JsonBody body) {
        this.withdraw = Objects.requireNonNull(withdraw, "withdraw");
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(WithdrawChange withdraw, Json json, JsonBody body) {
        PendingChangeEndpoints e = new PendingChangeEndpoints(withdraw, json, body);
        Route.Scope tenant = Route.Scope.TENANT;
        return List.of(
                Route.get("/product/{uuid}/preview/pending-change", tenant, Access.CUSTOMER, e::preview),
                Route.delete("/product/{uuid}/pending-change", tenant, Access.CUSTOMER, e::withdraw).asOperation());
    }

    void preview(Context ctx) {
        WithdrawCommand command = command(ctx);
        ctx.header("Cache-Control", "no-store");
        json.send(ctx, withdraw.preview(command).mapLeft(ApiError::from).map(PendingChangePreview::from));
    }

    void withdraw(Context ctx) throws IOException {
        WithdrawCommand command = command(ctx);
        Either<ApiError, byte[]> rendered = body.readNothing(ctx).mapLeft(ApiError::from).flatMap(none -> {
            OperationAnswer<WithdrawnChange> answer = IdempotencyKeys.answer(ctx,
                    done -> json.bytes(WithdrawnPendingChange.from(done)));
            return withdraw.withdraw(command, answer.operation()).mapLeft(ApiError::from).map(answer::body);
        });
        ctx.header("Cache-Control", "no-store");
        json.sendRendered(ctx, rendered);
    }

    private static WithdrawCommand command(Context ctx) {
        Principal principal = RequestAccess.principal(ctx);
        return new WithdrawCommand(RequestTenant.of(ctx).id(), principal.userId(), ctx.pathParam("uuid"));
    }

    /** What is pending: its kind, effective date, and the suite product, quantity and price it sets. */
    record PendingEntry(String kind, String effectiveDate, long suiteProductId, long quantity,
            AmountsEntry periodPrice) {
        static PendingEntry from(PendingWithdrawal w) {
            return new PendingEntry(w.kind(), w.effectiveDate().toString(), w.pendingSuiteProductId(),
                    w.pendingQuantity(), AmountsEntry.from(w.pendingPeriodPrice()));
        }
    }

    /** The subscription after the withdrawal: as today, and its next regular invoice. */
    record AfterEntry(long suiteProductId, long quantity, AmountsEntry periodPrice, String nextBillingDate,
            NextInvoiceEntry nextInvoice) {
        static AfterEntry from(PendingWithdrawal w) {
            return new AfterEntry(w.suiteProductId(), w.quantity(), AmountsEntry.from(w.periodPrice()),
                    w.nextBillingDate().toString(), NextInvoiceEntry.from(w.nextInvoice()));
        }
    }

    record PendingChangePreview(String subscriptionUuid, String subscriptionNumber, String requestDate,
            String currency, TaxEntry tax, PendingEntry pendingChange, AfterEntry afterWithdrawal) {
        static PendingChangePreview from(PendingWithdrawal w) {
            return new PendingChangePreview(w.subscriptionUuid(), w.subscriptionNumber(), w.requestDate().toString(),
                    w.currency().getCode(), TaxEntry.from(w.tax()), PendingEntry.from(w), AfterEntry.from(w));
        }
    }

    record WithdrawalEntry(String withdrawalId, int subscriptionVersion) {
    }

    /** The withdrawal booked: the preview's fields (what was withdrawn) and {@code withdrawal}. */
    record WithdrawnPendingChange(String subscriptionUuid, String subscriptionNumber, String requestDate,
            String currency, TaxEntry tax, PendingEntry pendingChange, AfterEntry afterWithdrawal,
            WithdrawalEntry withdrawal) {
        static WithdrawnPendingChange from(WithdrawnChange done) {
            PendingWithdrawal w = done.withdrawal();
            return new WithdrawnPendingChange(w.subscriptionUuid(), w.subscriptionNumber(), w.requestDate().toString(),
                    w.currency().getCode(), TaxEntry.from(w.tax()), PendingEntry.from(w), AfterEntry.from(w),
                    new WithdrawalEntry(done.withdrawalId(), done.subscriptionVersion()));
        }
    }
}
