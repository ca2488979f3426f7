package com.subscriptionsuite.adapters.http.vat;

import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.vat.ValidateVatId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The seed's GET /account/vat-validate/{vatId}: checks a VAT ID offline and against VIES for a
 * signed-in customer. Answers 200 for each of the three outcomes ({@code success} only for valid);
 * only an empty VAT ID is an error.
 */
public final class VatEndpoints {
    private final ValidateVatId validateVatId;
    private final Json json;

    private VatEndpoints(ValidateVatId validateVatId, Json json) {
        this.validateVatId = Objects.requireNonNull(validateVatId, "validateVatId");
        this.json = json;
    }

    public static List<Route> routes(ValidateVatId validateVatId, Json json) {
        VatEndpoints e = new VatEndpoints(validateVatId, json);
        return List.of(Route.get("/account/vat-validate/{vatId}", Route.Scope.TENANT, Access.CUSTOMER, e::validate));
    }

    /** Runs after RequestAccess admitted a customer token. */
    void validate(Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        Principal caller = RequestAccess.principal(ctx);
        json.send(ctx, validateVatId.validate(tenantId, caller.userId(), ctx.pathParam("vatId"))
                .mapLeft(ApiError::from)
                .map(VatValidationResponse::from));
    }
}
