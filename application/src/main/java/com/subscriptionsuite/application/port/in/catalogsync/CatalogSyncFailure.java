package com.subscriptionsuite.application.port.in.catalogsync;

import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.domain.tenant.Problem;
import java.util.List;
import java.util.Objects;

/** Why a catalog sync stored nothing. */
public sealed interface CatalogSyncFailure {
    String code();

    String message();

    /**
     * The merged definition would break the tenant rules: every problem, each with a path into the
     * merged definition ({@code $.catalog.suite_products[2].rate_plan_id}) or into the billing
     * system's catalog ({@code billing_system.products[0].zuora_id}).
     */
    record Refused(List<Problem> problems) implements CatalogSyncFailure {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refused sync has at least one problem");
            }
        }

        public String code() {
            return "catalog_sync_refused";
        }

        public String message() {
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
            return "the billing system's catalog cannot replace the tenant's, nothing was changed: "
                    + problems.get(0) + more;
        }
    }

    /** No tenant has this id. */
    record TenantNotFound(long tenantId) implements CatalogSyncFailure {
        public String code() {
            return "tenant_unknown";
        }

        public String message() {
            return "no tenant with id " + tenantId;
        }
    }

    /**
     * The billing system did not answer, limited the rate of calls or refused: {@code billing_unavailable},
     * {@code billing_rate_limited} or {@code billing_rejected} ({@link BillingFailure#errorCode}).
     */
    record BillingFailed(BillingFailure failure) implements CatalogSyncFailure {
        public BillingFailed {
            Objects.requireNonNull(failure, "failure");
        }

        public String code() {
            return failure.errorCode();
        }

        public String message() {
            return failure.describe();
        }
    }
}
