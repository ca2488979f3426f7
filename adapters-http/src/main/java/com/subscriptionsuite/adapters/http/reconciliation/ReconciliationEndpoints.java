package com.subscriptionsuite.adapters.http.reconciliation;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.reconciliation.ReadInvoiceDiscrepancies;
import com.subscriptionsuite.domain.billing.InvoiceDiscrepancy;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.List;

/**
 * GET /admin/billing/discrepancies, for admins: how many checkouts of the tenant got a first invoice
 * from the billing system whose amount before tax differed from the engine's preview, and the latest
 * of them ({@code limit}, 1 to 200, default 50) with both amounts. Mounted when the engine keeps them.
 */
public final class ReconciliationEndpoints {
    static final int DEFAULT_LIMIT = 50;
    private final ReadInvoiceDiscrepancies read;
    private final Json json;

    private ReconciliationEndpoints(ReadInvoiceDiscrepancies read, Json json) {
        this.read = read;
        this.json = json;
    }

    public static List<Route> routes(ReadInvoiceDiscrepancies read, Json json) {
        ReconciliationEndpoints e = new ReconciliationEndpoints(read, json);
        return List.of(Route.get("/admin/billing/discrepancies", Route.Scope.TENANT, Access.ADMIN, e::list));
    }

    void list(Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        json.send(ctx, limit(ctx.queryParam("limit")).map(limit -> {
            ReadInvoiceDiscrepancies.Discrepancies found = read.discrepancies(tenantId, limit);
            return new DiscrepanciesResponse(found.count(), found.latest().stream().map(Item::from).toList());
        }));
    }

    private static Either<ApiError, Integer> limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.right(DEFAULT_LIMIT);
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= ReadInvoiceDiscrepancies.MAX_LIMIT) {
                return Either.right(limit);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        return Either.left(ApiError.from(new RequestFailure.FieldType("limit", "an integer from 1 to "
                + ReadInvoiceDiscrepancies.MAX_LIMIT, raw.length() > 20 ? raw.substring(0, 20) + "…" : raw)));
    }

    /** The InvoiceDiscrepancies schema. */
    record DiscrepanciesResponse(long count, List<Item> discrepancies) {
    }

    /** One checkout's first invoice against its preview, amounts before tax. */
    record Item(String invoiceId, String invoiceNumber, long userId, String currency, BigDecimal previewed,
            BigDecimal invoiced, BigDecimal difference, String bookedAt) {
        static Item from(InvoiceDiscrepancy d) {
            return new Item(d.invoiceId(), d.invoiceNumber(), d.userId(), d.previewed().getCurrencyUnit().getCode(),
                    d.previewed().getAmount(), d.invoiced().getAmount(), d.difference().getAmount(), d.at().toString());
        }
    }
}
