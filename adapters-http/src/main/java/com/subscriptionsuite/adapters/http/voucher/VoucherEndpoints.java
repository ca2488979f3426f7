package com.subscriptionsuite.adapters.http.voucher;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.adapters.http.voucher.VoucherResponses.Consumed;
import com.subscriptionsuite.adapters.http.voucher.VoucherResponses.Held;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.voucher.ConsumeVoucher;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The seed's voucher operations: POST /voucher-code/{code}/init holds the code for the token's
 * user, POST /voucher-code/{code}/consume redeems that hold. The path's code is passed as sent;
 * the use case normalises it (case-insensitive) and refuses a malformed one.
 */
public final class VoucherEndpoints {
    private final HoldVoucher holdVoucher;
    private final ConsumeVoucher consumeVoucher;
    private final Json json;
    private final JsonBody body;

    private VoucherEndpoints(HoldVoucher holdVoucher, ConsumeVoucher consumeVoucher, Json json, JsonBody body) {
        this.holdVoucher = Objects.requireNonNull(holdVoucher, "holdVoucher");
        this.consumeVoucher = Objects.requireNonNull(consumeVoucher, "consumeVoucher");
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(HoldVoucher holdVoucher, ConsumeVoucher consumeVoucher, Json json,
            JsonBody body) {
        VoucherEndpoints e = new VoucherEndpoints(holdVoucher, consumeVoucher, json, body);
        return List.of(
                Route.post("/voucher-code/{code}/init", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER, e::init),
                Route.post("/voucher-code/{code}/consume", Route.Scope.TENANT, Access.GUEST_OR_CUSTOMER,
                        e::consume));
    }

    /** Runs after RequestAccess admitted the token; holds the code for the token's user. */
    void init(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        String code = ctx.pathParam("code");
        json.send(ctx, body.readOptional(ctx, VoucherRequest.class, VoucherRequest.NONE)
                .flatMap(request -> request.toCommand(tenantId, code, caller))
                .mapLeft(ApiError::from)
                .flatMap(command -> holdVoucher.hold(command).mapLeft(ApiError::from))
                .map(Held::from));
    }

    /** Runs after RequestAccess admitted the token; redeems the token's user's hold of the code. */
    void consume(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        String code = ctx.pathParam("code");
        json.send(ctx, body.readOptional(ctx, VoucherRequest.class, VoucherRequest.NONE)
                .flatMap(request -> request.toCommand(tenantId, code, caller))
                .mapLeft(ApiError::from)
                .flatMap(command -> consumeVoucher.consume(command).mapLeft(ApiError::from))
                .map(Consumed::from));
    }
}
