package com.subscriptionsuite.application.port.in.tenant;

import com.subscriptionsuite.domain.tenant.TenantAccess;

/** The CORS origins and admin keys of a tenant the request already resolved. */
public interface TenantAccessLookup {
    TenantAccess access(long tenantId);

    /**
     * Whether any tenant lists {@code origin}: what a CORS preflight is answered by when it names no
     * tenant (a browser sends no {@code X-Tenant} with a preflight) and its Host is no tenant's.
     */
    boolean anyTenantAllowsOrigin(String origin);
}
