package com.subscriptionsuite.application.port.in.config;

import com.subscriptionsuite.domain.tenant.Tenant;

/** The tenant's shop configuration (seed GET /config): languages, currencies and settings. */
public interface ReadConfiguration {
    Tenant configuration(long tenantId);
}
