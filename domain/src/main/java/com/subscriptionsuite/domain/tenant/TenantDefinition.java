package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.payment.PaymentOptions;
import java.util.Objects;

/**
 * Everything a tenant's file defines: the tenant's settings, its catalog, its translations, who
 * may call its API from where, and the payment methods it offers.
 */
public record TenantDefinition(Tenant tenant, Catalog catalog, Translations translations, TenantAccess access,
        PaymentOptions paymentOptions) {
    public TenantDefinition {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(translations, "translations");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(paymentOptions, "paymentOptions");
    }

    /** A definition without payment options. */
    public TenantDefinition(Tenant tenant, Catalog catalog, Translations translations, TenantAccess access) {
        this(tenant, catalog, translations, access, PaymentOptions.none());
    }

    /** A definition without CORS origins, admin keys or payment options. */
    public TenantDefinition(Tenant tenant, Catalog catalog, Translations translations) {
        this(tenant, catalog, translations, TenantAccess.none());
    }

    /** The same definition with another tenant record (settings), everything else kept. */
    public TenantDefinition withTenant(Tenant other) {
        return new TenantDefinition(other, catalog, translations, access, paymentOptions);
    }

    /** The same definition with another catalog, everything else kept. */
    public TenantDefinition withCatalog(Catalog other) {
        return new TenantDefinition(tenant, other, translations, access, paymentOptions);
    }

    /** The same definition with other access rules, everything else kept. */
    public TenantDefinition withAccess(TenantAccess other) {
        return new TenantDefinition(tenant, catalog, translations, other, paymentOptions);
    }

    /** The same definition with other payment options, everything else kept. */
    public TenantDefinition withPaymentOptions(PaymentOptions other) {
        return new TenantDefinition(tenant, catalog, translations, access, other);
    }
}
