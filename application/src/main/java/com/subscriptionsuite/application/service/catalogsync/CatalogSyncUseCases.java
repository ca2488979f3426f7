package com.subscriptionsuite.application.service.catalogsync;

import com.subscriptionsuite.application.port.in.catalogsync.SyncCatalog;
import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.port.out.billing.CatalogSource;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import io.vavr.control.Option;

/** Builds the catalog sync; the service itself stays package-private. */
public final class CatalogSyncUseCases {
    private CatalogSyncUseCases() {
    }

    /** {@code vouchers}, when the engine has them: a sync may not take away a campaign's discount rate plan. */
    public static SyncCatalog syncCatalog(TenantDirectory directory, DefineTenant defineTenant, CatalogSource source,
            Option<Vouchers> vouchers) {
        return new SyncCatalogService(directory, defineTenant, source, vouchers);
    }
}
