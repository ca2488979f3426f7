package com.subscriptionsuite.application.port.in.tenant;

import com.subscriptionsuite.domain.tenant.TenantAccess;

/** The CORS origins and admin keys of a tenant the request already resolved. */
public interface TenantAccessLookup {
    TenantAccess access(long tenantId);
}
