package com.subscriptionsuite.adapters.http.catalog;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.admin.RemoveProduct;
import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage;
import com.subscriptionsuite.domain.tenant.Tenant;
import io.javalin.http.Context;
import java.util.List;

/** GET /product, GET /product/{id}, GET /page/{id}, and for admins DELETE /product/{id}. */
public final class CatalogEndpoints {
    private final BrowseCatalog browseCatalog;
    private final ShowShopPage showShopPage;
    private final RemoveProduct removeProduct;
    private final Json json;

    private CatalogEndpoints(BrowseCatalog browseCatalog, ShowShopPage showShopPage, RemoveProduct removeProduct,
            Json json) {
        this.browseCatalog = browseCatalog;
        this.showShopPage = showShopPage;
        this.removeProduct = removeProduct;
        this.json = json;
    }

    public static List<Route> routes(BrowseCatalog browseCatalog, ShowShopPage showShopPage,
            RemoveProduct removeProduct, Json json) {
        CatalogEndpoints e = new CatalogEndpoints(browseCatalog, showShopPage, removeProduct, json);
        return List.of(
                Route.get("/product", Route.Scope.TENANT, Access.PUBLIC, e::products),
                Route.get("/product/{id}", Route.Scope.TENANT, Access.PUBLIC, e::product),
                Route.delete("/product/{id}", Route.Scope.TENANT, Access.ADMIN, e::removeProduct),
                Route.get("/page/{id}", Route.Scope.TENANT, Access.PUBLIC, e::page));
    }

    void products(Context ctx) {
        Tenant tenant = RequestTenant.of(ctx);
        json.ok(ctx, browseCatalog.products(tenant.id()).stream()
                .map(p -> ProductResponse.from(p, tenant.id())).toList());
    }

    void product(Context ctx) {
        Tenant tenant = RequestTenant.of(ctx);
        String raw = ctx.pathParam("id");
        if (!isId(raw)) {
            json.error(ctx, ApiError.from(new RequestFailure.ProductIdNotNumeric(raw)));
            return;
        }
        json.send(ctx, browseCatalog.product(tenant.id(), Long.parseLong(raw))
                .mapLeft(ApiError::from)
                .map(p -> ProductResponse.from(p, tenant.id())));
    }

    /** Soft-deletes the product; answers it as it was before. Unknown or already deleted: 404. */
    void removeProduct(Context ctx) {
        Tenant tenant = RequestTenant.of(ctx);
        String raw = ctx.pathParam("id");
        if (!isId(raw)) {
            json.error(ctx, ApiError.from(new RequestFailure.ProductIdNotNumeric(raw)));
            return;
        }
        json.send(ctx, removeProduct.remove(tenant.id(), Long.parseLong(raw))
                .mapLeft(ApiError::from)
                .map(p -> ProductResponse.from(p, tenant.id())));
    }

    void page(Context ctx) {
        Tenant tenant = RequestTenant.of(ctx);
        json.send(ctx, showShopPage.page(tenant.id(), ctx.pathParam("id"))
                .mapLeft(ApiError::from)
                .map(PageResponse::from));
    }

    /** A non-negative decimal integer that fits a long. */
    private static boolean isId(String raw) {
        return raw != null && !raw.isEmpty() && raw.length() <= 18 && raw.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
