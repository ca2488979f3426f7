package com.subscriptionsuite.adapters.http.revenue;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.FieldDetail;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches;
import com.subscriptionsuite.application.port.in.revenue.PostRevenue;
import com.subscriptionsuite.application.port.in.revenue.RevenueFailure;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Zuora Revenue feed for admins (tenant admin key), always within the admin's tenant:
 * GET /admin/revenue/batches (paged, newest first), GET /admin/revenue/batches/{id} (its lines and
 * errors), GET /admin/revenue/batches/{id}/csv (the last CSV uploaded, text/csv), POST
 * /admin/revenue/batches/{id}/repost, POST /admin/revenue/batches/{id}/confirm (an IN_DOUBT batch found
 * in Zuora Revenue), and POST /admin/revenue/run (the batch job over the tenant, now). A batch of
 * another tenant is 404 like an unknown one. Mounted only when the engine has the revenue feed.
 */
public final class RevenueEndpoints {
    static final int MAX_PAGE_SIZE = 100;
    private final ManageRevenueBatches manage;
    private final PostRevenue post;
    private final Json json;

    private RevenueEndpoints(ManageRevenueBatches manage, PostRevenue post, Json json) {
        this.manage = manage;
        this.post = post;
        this.json = json;
    }

    public static List<Route> routes(ManageRevenueBatches manage, PostRevenue post, Json json) {
        RevenueEndpoints e = new RevenueEndpoints(manage, post, json);
        return List.of(
                Route.get("/admin/revenue/batches", Route.Scope.TENANT, Access.ADMIN, e::list),
                Route.get("/admin/revenue/batches/{id}", Route.Scope.TENANT, Access.ADMIN, e::detail),
                Route.get("/admin/revenue/batches/{id}/csv", Route.Scope.TENANT, Access.ADMIN, e::csv),
                Route.post("/admin/revenue/batches/{id}/repost", Route.Scope.TENANT, Access.ADMIN, e::repost),
                Route.post("/admin/revenue/batches/{id}/confirm", Route.Scope.TENANT, Access.ADMIN, e::confirm),
                Route.post("/admin/revenue/run", Route.Scope.TENANT, Access.ADMIN, e::run));
    }

    void list(Context ctx) {
        Either<ApiError, Integer> page = positive(ctx, "page", 1, Integer.MAX_VALUE);
        Either<ApiError, Integer> size = positive(ctx, "page_size", 20, MAX_PAGE_SIZE);
        if (page.isLeft() || size.isLeft()) {
            json.error(ctx, page.isLeft() ? page.getLeft() : size.getLeft());
            return;
        }
        json.ok(ctx, RevenueResponses.BatchPage.from(manage.batches(RequestTenant.of(ctx).id(), page.get(),
                size.get())));
    }

    void detail(Context ctx) {
        json.send(ctx, batchId(ctx).flatMap(id -> manage.batch(RequestTenant.of(ctx).id(), id)
                .mapLeft(RevenueEndpoints::error)).map(RevenueResponses.BatchDetail::from));
    }

    void csv(Context ctx) {
        Either<ApiError, String> csv = batchId(ctx).flatMap(id -> manage.csv(RequestTenant.of(ctx).id(), id)
                .mapLeft(RevenueEndpoints::error));
        if (csv.isLeft()) {
            json.error(ctx, csv.getLeft());
            return;
        }
        ctx.status(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"revenue-batch-" + ctx.pathParam("id")
                        + ".csv\"")
                .result(csv.get().getBytes(StandardCharsets.UTF_8));
    }

    void repost(Context ctx) {
        json.send(ctx, batchId(ctx).flatMap(id -> manage.repost(RequestTenant.of(ctx).id(), id)
                .mapLeft(RevenueEndpoints::error)).map(RevenueResponses.Batch::from));
    }

    void confirm(Context ctx) {
        json.send(ctx, batchId(ctx).flatMap(id -> manage.confirm(RequestTenant.of(ctx).id(), id)
                .mapLeft(RevenueEndpoints::error)).map(RevenueResponses.Batch::from));
    }

    /** Runs the batch job now over the admin's tenant only. */
    void run(Context ctx) {
        json.ok(ctx, RevenueResponses.Run.from(post.run(RequestTenant.of(ctx).id())));
    }

    static ApiError error(RevenueFailure failure) {
        if (failure instanceof RevenueFailure.LinesInvalid invalid) {
            return new ApiError(failure.code(), failure.message(), invalid.problems().stream()
                    .map(p -> new FieldDetail(p.path(), p.reason())).toList(), null);
        }
        String field = failure instanceof RevenueFailure.FeedFailed ? "zuora_revenue" : "id";
        return new ApiError(failure.code(), failure.message(), List.of(new FieldDetail(field, failure.message())),
                null);
    }

    private static Either<ApiError, Long> batchId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return Either.right(id);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Either.left(new ApiError("revenue_batch_not_found", "id: no revenue batch " + raw,
                List.of(new FieldDetail("id", "not a batch id")), null));
    }

    private static Either<ApiError, Integer> positive(Context ctx, String name, int dflt, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Either.right(dflt);
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= max) {
                return Either.right(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Either.left(ApiError.from(new RequestFailure.FieldType(name, "an integer from 1 to " + max, raw)));
    }
}
