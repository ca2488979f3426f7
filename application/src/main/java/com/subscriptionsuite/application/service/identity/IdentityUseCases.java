package com.subscriptionsuite.application.service.identity;

import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import java.time.Clock;

/** Builds the identity use cases; the service itself stays package-private. */
public final class IdentityUseCases {
    private IdentityUseCases() {
    }

    public static IdentityCases create(IdentityPorts ports, TenantDirectory directory, Clock clock) {
        return new IdentityService(ports, directory, clock);
    }
}
