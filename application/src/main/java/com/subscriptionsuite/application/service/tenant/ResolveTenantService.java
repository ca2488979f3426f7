package com.subscriptionsuite.application.service.tenant;

import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import java.util.List;

final class ResolveTenantService implements ResolveTenant {
    private final TenantDirectory directory;

    ResolveTenantService(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Either<TenantUnknown, Tenant> resolve(String tenantHeader, String host) {
        if (tenantHeader != null && !tenantHeader.isBlank()) {
            return directory.byKey(tenantHeader.trim()).map(TenantDefinition::tenant)
                    .toEither(() -> new TenantUnknown(tenantHeader));
        }
        String hostName = stripPort(host);
        var byHost = directory.byHost(hostName);
        if (byHost.isDefined()) {
            return Either.right(byHost.map(TenantDefinition::tenant).getOrNull());
        }
        List<TenantDefinition> all = directory.all();
        if (all.size() == 1) {
            return Either.right(all.get(0).tenant());
        }
        return Either.left(new TenantUnknown(hostName == null ? "" : hostName));
    }

    private static String stripPort(String host) {
        if (host == null) {
            return null;
        }
        String h = host.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon > 0 ? h.substring(0, colon) : h;
    }
}
