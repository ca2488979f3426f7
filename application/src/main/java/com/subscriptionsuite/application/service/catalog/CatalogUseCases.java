package com.subscriptionsuite.application.service.catalog;

import com.subscriptionsuite.application.service.tenant.TenantDirectory;

/** Builds the read-only catalog use cases; the service itself stays package-private. */
public final class CatalogUseCases {
    private CatalogUseCases() {
    }

    /** One object serving BrowseCatalog, ShowShopPage, ReadConfiguration and Translate. */
    public static CatalogReads reads(TenantDirectory directory) {
        return new CatalogService(directory);
    }
}
