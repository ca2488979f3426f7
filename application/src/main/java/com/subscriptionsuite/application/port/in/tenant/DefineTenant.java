package com.subscriptionsuite.application.port.in.tenant;

import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import java.util.List;

/**
 * Stores a tenant's whole definition (settings, catalog, translations), all or nothing: a
 * definition with any problem changes nothing, and the rejection lists every problem with its path.
 * A definition for an existing tenant key replaces that tenant's definition.
 */
public interface DefineTenant {
    Either<DefinitionRejected, DefinitionAccepted> define(TenantDefinition definition);

    /** Whether any tenant is defined yet (the server loads its demo tenant into an empty database). */
    boolean anyTenantDefined();

    record DefinitionRejected(List<Problem> problems) {
        public DefinitionRejected {
            problems = List.copyOf(problems);
        }

        public String code() {
            return "tenant_definition_invalid";
        }
    }

    record DefinitionAccepted(long tenantId, String key) {
    }
}
