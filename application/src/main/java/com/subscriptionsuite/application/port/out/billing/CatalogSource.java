package com.subscriptionsuite.application.port.out.billing;

import io.vavr.control.Either;

/**
 * Where a tenant's products, product rate plans and charges come from when a billing system other
 * than the built-in ledger owns them (Zuora's product catalog). A read, never a write: the engine
 * merges what it fetches into the tenant's definition ({@code SyncCatalog}).
 */
public interface CatalogSource {
    /**
     * The billing system's whole catalog for the tenant, as it is now. Every call can fail as every
     * call to the billing system can ({@link BillingFailure}).
     */
    Either<BillingFailure, SourceCatalog> fetch(long tenantId);
}
