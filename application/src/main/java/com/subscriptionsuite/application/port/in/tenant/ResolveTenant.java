package com.subscriptionsuite.application.port.in.tenant;

import com.subscriptionsuite.domain.tenant.Tenant;
import io.vavr.control.Either;

/**
 * Picks the tenant a request is for: by the X-Tenant header (the tenant's key) when given, else by
 * the request's host name listed in a tenant's file, else the only tenant when there is exactly one.
 */
public interface ResolveTenant {
    Either<TenantUnknown, Tenant> resolve(String tenantHeader, String host);

    /** No tenant matches; {@code asked} is what the request named (header or host). */
    record TenantUnknown(String asked) {
        public String code() {
            return "tenant_unknown";
        }
    }
}
