package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.catalog.Catalog;
import java.util.Objects;

/** Everything a tenant's file defines: the tenant's settings, its catalog and its translations. */
public record TenantDefinition(Tenant tenant, Catalog catalog, Translations translations) {
    public TenantDefinition {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(translations, "translations");
    }
}
