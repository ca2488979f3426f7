package com.subscriptionsuite.application.service.catalogsync;

import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncFailure;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport;
import com.subscriptionsuite.application.port.in.catalogsync.SyncCatalog;
import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.port.out.billing.CatalogSource;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.TenantRules;
import com.subscriptionsuite.domain.voucher.Campaign;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetch, merge ({@link CatalogMerge}), check, store through {@link DefineTenant}: the path every tenant
 * definition takes, so the synced catalog passes the same rules as a file and is stored in one
 * unit. Nothing is stored while any problem is left. The billing system is called before anything
 * is read for the merge, and no transaction is open during the call. One sync at a time per engine:
 * two syncs of one tenant in a row each start from the definition the other stored.
 */
final class SyncCatalogService implements SyncCatalog {
    private final TenantDirectory directory;
    private final DefineTenant defineTenant;
    private final CatalogSource source;
    private final Option<Vouchers> vouchers;

    SyncCatalogService(TenantDirectory directory, DefineTenant defineTenant, CatalogSource source,
            Option<Vouchers> vouchers) {
        this.directory = directory;
        this.defineTenant = defineTenant;
        this.source = source;
        this.vouchers = vouchers;
    }

    @Override
    public Either<CatalogSyncFailure, CatalogSyncReport> sync(long tenantId) {
        directory.refresh();
        if (directory.byId(tenantId).isEmpty()) {
            return Either.left(new CatalogSyncFailure.TenantNotFound(tenantId));
        }
        return source.fetch(tenantId).<CatalogSyncFailure>mapLeft(CatalogSyncFailure.BillingFailed::new)
                .flatMap(fetched -> store(tenantId, fetched));
    }

    private synchronized Either<CatalogSyncFailure, CatalogSyncReport> store(long tenantId, SourceCatalog fetched) {
        directory.refresh();
        return directory.byId(tenantId)
                .<CatalogSyncFailure>toEither(() -> new CatalogSyncFailure.TenantNotFound(tenantId))
                .flatMap(current -> CatalogMerge.merge(current.catalog(), fetched)
                        .<CatalogSyncFailure>mapLeft(CatalogSyncFailure.Refused::new)
                        .flatMap(merged -> store(current, merged)));
    }

    private Either<CatalogSyncFailure, CatalogSyncReport> store(TenantDefinition current, CatalogMerge.Merged merged) {
        long tenantId = current.tenant().id();
        CatalogSyncReport report = new CatalogSyncReport(tenantId, current.tenant().key(), false, merged.products(),
                merged.ratePlans(), merged.charges());
        if (!report.anyChange()) {
            return Either.right(report);
        }
        TenantDefinition next = current.withCatalog(merged.catalog());
        List<Problem> problems = problems(current.catalog(), next);
        if (!problems.isEmpty()) {
            return Either.left(new CatalogSyncFailure.Refused(problems));
        }
        return defineTenant.define(next)
                .<CatalogSyncFailure>mapLeft(rejected -> new CatalogSyncFailure.Refused(rejected.problems()))
                .map(accepted -> new CatalogSyncReport(tenantId, current.tenant().key(), true, merged.products(),
                        merged.ratePlans(), merged.charges()));
    }

    /**
     * The sync's own problems (what it takes away that the tenant's file or campaigns still name),
     * then the tenant rules' problems that they do not already say.
     */
    private List<Problem> problems(Catalog before, TenantDefinition next) {
        List<Problem> problems = new ArrayList<>();
        Catalog after = next.catalog();
        List<SuiteProduct> suiteProducts = after.suiteProducts();
        for (int i = 0; i < suiteProducts.size(); i++) {
            SuiteProduct sp = suiteProducts.get(i);
            if (after.ratePlan(sp.ratePlanId()).isEmpty()) {
                problems.add(new Problem("$.catalog.suite_products[" + i + "].rate_plan_id", "suite product "
                        + sp.id() + " '" + sp.name() + "' offers rate plan " + sp.ratePlanId() + describe(before,
                        sp.ratePlanId()) + ", which the billing system's catalog does not have"));
            }
        }
        List<Campaign> campaigns = vouchers.map(v -> v.campaigns(next.tenant().id())).getOrElse(List.of());
        campaigns = campaigns.stream().sorted(Comparator.comparingLong(Campaign::id)).toList();
        for (Campaign campaign : campaigns) {
            if (after.ratePlan(campaign.discountRatePlanId()).isEmpty()) {
                problems.add(new Problem("$.campaigns[?(@.id==" + campaign.id() + ")].discount_rate_plan_id",
                        "campaign " + campaign.id() + " '" + campaign.name() + "' discounts with rate plan "
                                + campaign.discountRatePlanId() + describe(before, campaign.discountRatePlanId())
                                + ", which the billing system's catalog does not have"));
            }
        }
        Set<String> said = new HashSet<>();
        problems.forEach(p -> said.add(p.path()));
        for (Problem p : TenantRules.check(next)) {
            if (!said.contains(p.path())) {
                problems.add(p);
            }
        }
        return problems;
    }

    private static String describe(Catalog before, long ratePlanId) {
        return before.ratePlan(ratePlanId).map(plan -> plan.zuoraId() == null
                ? " ('" + plan.name() + "', which has no zuora_id)"
                : " ('" + plan.name() + "', zuora_id " + plan.zuoraId() + ")").getOrElse("");
    }

    @Override
    public Map<String, Either<CatalogSyncFailure, CatalogSyncReport>> syncEveryTenant() {
        directory.refresh();
        Map<String, Either<CatalogSyncFailure, CatalogSyncReport>> outcomes = new LinkedHashMap<>();
        directory.all().stream().sorted(Comparator.comparingLong(d -> d.tenant().id()))
                .forEach(d -> outcomes.put(d.tenant().key(), sync(d.tenant().id())));
        return outcomes;
    }
}
