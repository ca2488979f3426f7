package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where tenant definitions live. {@code store} replaces a tenant's whole definition (matched by
 * tenant key) in one transaction and bumps its version; readers see the old or the new definition,
 * never a mix.
 */
public interface Tenants {
    /** Stores the definition; returns the tenant's new version (1 for a new tenant). */
    long store(TenantDefinition definition);

    Option<TenantDefinition> byKey(String key);

    List<TenantDefinition> all();

    /** Tenant key → version, cheap enough to poll for changes made by other server instances. */
    Map<String, Long> versions();

    /**
     * Soft-deletes a product of a tenant: no longer listed or sold, kept for what refers to it.
     * Survives reloads of the tenant's file and bumps the tenant's version. Returns false when the
     * tenant has no such product (or it was deleted already).
     */
    boolean deleteProduct(long tenantId, long productId, Instant at);
}
