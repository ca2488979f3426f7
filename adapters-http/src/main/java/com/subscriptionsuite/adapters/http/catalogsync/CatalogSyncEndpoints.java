package com.subscriptionsuite.adapters.http.catalogsync;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.catalogsync.SyncCatalog;
import io.javalin.http.Context;
import java.util.List;

/**
 * POST /admin/catalog/sync, for admins: brings the tenant's products, rate plans and charges up to
 * date with the billing system's catalog; answers what was added, changed and removed (200), every
 * problem of a refused sync (422 {@code catalog_sync_refused}), or the billing system's failure
 * (503, 429, 502). Mounted only when the engine has a catalog source.
 */
public final class CatalogSyncEndpoints {
    private final SyncCatalog syncCatalog;
    private final Json json;

    private CatalogSyncEndpoints(SyncCatalog syncCatalog, Json json) {
        this.syncCatalog = syncCatalog;
        this.json = json;
    }

    public static List<Route> routes(SyncCatalog syncCatalog, Json json) {
        CatalogSyncEndpoints e = new CatalogSyncEndpoints(syncCatalog, json);
        return List.of(Route.post("/admin/catalog/sync", Route.Scope.TENANT, Access.ADMIN, e::sync));
    }

    void sync(Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        json.send(ctx, syncCatalog.sync(tenantId).mapLeft(ApiError::from).map(CatalogSyncResponse::from));
    }
}
