package com.subscriptionsuite.application.service.admin;

import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import java.time.Clock;

/** Builds the admin use cases; the service itself stays package-private. */
public final class AdminUseCases {
    private AdminUseCases() {
    }

    public static AdminCases create(TenantDirectory directory, Tenants tenants, Clock clock) {
        return new AdminService(directory, tenants, clock);
    }
}
