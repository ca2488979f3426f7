package com.subscriptionsuite.application;

import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** An engine over the in-memory adapter with a fixed clock, loaded with the given tenants. */
public final class EngineTestSupport {
    public static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private EngineTestSupport() {
    }

    public static Engine engineWith(Clock clock, TenantDefinition... definitions) {
        InMemoryTenants tenants = new InMemoryTenants();
        for (TenantDefinition d : definitions) {
            tenants.store(d);
        }
        return Engine.builder().tenants(tenants).clock(clock).build();
    }
}
