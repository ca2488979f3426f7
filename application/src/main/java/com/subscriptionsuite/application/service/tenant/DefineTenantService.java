package com.subscriptionsuite.application.service.tenant;

import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.TenantRules;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

final class DefineTenantService implements DefineTenant {
    private final Tenants tenants;
    private final TenantDirectory directory;

    DefineTenantService(Tenants tenants, TenantDirectory directory) {
        this.tenants = tenants;
        this.directory = directory;
    }

    @Override
    public Either<DefinitionRejected, DefinitionAccepted> define(TenantDefinition definition) {
        List<Problem> problems = new ArrayList<>(TenantRules.check(definition));
        directory.refresh();
        for (TenantDefinition other : directory.all()) {
            boolean sameKey = other.tenant().key().equals(definition.tenant().key());
            if (sameKey && other.tenant().id() != definition.tenant().id()) {
                problems.add(new Problem("$.tenant.id", "tenant '" + other.tenant().key() + "' has id "
                        + other.tenant().id() + "; a tenant's id cannot change"));
            }
            if (!sameKey && other.tenant().id() == definition.tenant().id()) {
                problems.add(new Problem("$.tenant.id",
                        "tenant id " + definition.tenant().id() + " belongs to tenant '" + other.tenant().key() + "'"));
            }
            if (!sameKey) {
                for (String host : definition.tenant().hosts()) {
                    if (other.tenant().hosts().contains(host)) {
                        problems.add(new Problem("$.tenant.hosts",
                                "host '" + host + "' already selects tenant '" + other.tenant().key() + "'"));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new DefinitionRejected(problems));
        }
        tenants.store(definition);
        directory.refresh();
        return Either.right(new DefinitionAccepted(definition.tenant().id(), definition.tenant().key()));
    }

    @Override
    public boolean anyTenantDefined() {
        return !tenants.versions().isEmpty();
    }
}
