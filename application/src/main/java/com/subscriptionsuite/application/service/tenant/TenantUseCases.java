package com.subscriptionsuite.application.service.tenant;

import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.application.port.out.Tenants;

/** Builds the tenant use cases; the services themselves stay package-private. */
public final class TenantUseCases {
    private TenantUseCases() {
    }

    public static ResolveTenant resolveTenant(TenantDirectory directory) {
        return new ResolveTenantService(directory);
    }

    public static DefineTenant defineTenant(Tenants tenants, TenantDirectory directory) {
        return new DefineTenantService(tenants, directory);
    }
}
