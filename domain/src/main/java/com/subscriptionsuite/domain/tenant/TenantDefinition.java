package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.catalog.Catalog;
import java.util.Objects;

/**
 * Everything a tenant's file defines: the tenant's settings, its catalog, its translations and who
 * may call its API from where.
 */
public record TenantDefinition(Tenant tenant, Catalog catalog, Translations translations, TenantAccess access) {
    public TenantDefinition {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(translations, "translations");
        Objects.requireNonNull(access, "access");
    }

    /** A definition without CORS origins or admin keys. */
    public TenantDefinition(Tenant tenant, Catalog catalog, Translations translations) {
        this(tenant, catalog, translations, TenantAccess.none());
    }
}
