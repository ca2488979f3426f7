package com.subscriptionsuite.application.service.admin;

import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/** Admin API keys and what they may do; the tenant's CORS origins. */
final class AdminService implements AdminCases {
    private final TenantDirectory directory;
    private final Tenants tenants;
    private final Clock clock;

    AdminService(TenantDirectory directory, Tenants tenants, Clock clock) {
        this.directory = directory;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public Either<IdentityFailure, Admin> authorize(long tenantId, String apiKey) {
        return access(tenantId).adminKeyFor(apiKey).map(k -> new Admin(tenantId, k.name()))
                .toEither(IdentityFailure.AdminKeyInvalid::new);
    }

    @Override
    public Either<CatalogFailure, Product> remove(long tenantId, long productId) {
        Option<Product> product = directory.require(tenantId).catalog().product(productId);
        if (product.isEmpty() || !tenants.deleteProduct(tenantId, productId, clock.instant())) {
            return Either.left(new CatalogFailure.ProductNotFound(productId));
        }
        directory.refresh();
        return Either.right(product.get());
    }

    @Override
    public TenantAccess access(long tenantId) {
        return directory.require(tenantId).access();
    }

    @Override
    public boolean anyTenantAllowsOrigin(String origin) {
        return directory.all().stream().anyMatch(d -> d.access().allowsOrigin(origin));
    }
}
