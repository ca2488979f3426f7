package com.subscriptionsuite.application.port.in.catalogsync;

import io.vavr.control.Either;
import java.util.Map;

/**
 * Brings a tenant's products, product rate plans and charges up to date with the billing system's
 * catalog ({@link com.subscriptionsuite.application.port.out.billing.CatalogSource}), all or nothing.
 * The fetched items replace the catalog's, matched by their billing-system id ({@code zuora_id}): an
 * item the catalog already has keeps its engine id, a new one gets a new id above every id the
 * catalog has; the tenant file's suite products, pages, change rules, translations and settings stay.
 * The result is checked as a whole by the rules a tenant file passes; a sync that would leave any
 * problem (a suite product offering a rate plan the billing system no longer has, a campaign's
 * discount rate plan gone, a charge without a price in a currency the shop sells in ...) stores
 * nothing and names every problem.
 */
public interface SyncCatalog {
    Either<CatalogSyncFailure, CatalogSyncReport> sync(long tenantId);

    /** {@link #sync} for every defined tenant, each on its own (one tenant's refusal stops no other); by tenant key. */
    Map<String, Either<CatalogSyncFailure, CatalogSyncReport>> syncEveryTenant();
}
