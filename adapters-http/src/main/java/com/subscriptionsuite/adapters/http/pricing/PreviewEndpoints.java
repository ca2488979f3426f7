package com.subscriptionsuite.adapters.http.pricing;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/**
 * POST /subscription/preview. PUBLIC, with an optional token: a caller who sends a bearer token
 * (checked by RequestAccess before this runs) previews a voucher as that user, which prices a code
 * the caller holds; an anonymous caller cannot price a code someone holds.
 */
public final class PreviewEndpoints {
    private final PreviewPrices previewPrices;
    private final Json json;
    private final JsonBody body;

    private PreviewEndpoints(PreviewPrices previewPrices, Json json, JsonBody body) {
        this.previewPrices = previewPrices;
        this.json = json;
        this.body = body;
    }

    public static List<Route> routes(PreviewPrices previewPrices, Json json, JsonBody body) {
        PreviewEndpoints e = new PreviewEndpoints(previewPrices, json, body);
        return List.of(Route.post("/subscription/preview", Route.Scope.TENANT, Access.PUBLIC, e::preview)
                .withOptionalToken());
    }

    void preview(Context ctx) throws IOException {
        long tenantId = RequestTenant.of(ctx).id();
        Long userId = RequestAccess.principalIfAny(ctx).map(Principal::userId).getOrNull();
        json.sendWritten(ctx, body.read(ctx, PreviewRequest.class)
                .flatMap(request -> request.toQuery(tenantId, userId))
                .mapLeft(ApiError::from)
                .flatMap(query -> previewPrices.preview(query).mapLeft(ApiError::from))
                .<Json.Writing>map(preview -> g -> PreviewWriter.write(preview, g)));
    }
}
