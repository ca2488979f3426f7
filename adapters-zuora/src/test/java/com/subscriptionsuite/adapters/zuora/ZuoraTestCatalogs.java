package com.subscriptionsuite.adapters.zuora;

import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.util.List;

/** Test catalogs as a Zuora tenant knows them: a Zuora id on every product, rate plan and charge. */
final class ZuoraTestCatalogs {
    private ZuoraTestCatalogs() {
    }

    /** The definition with a Zuora id on every product, rate plan and charge (kept where it has one). */
    static TenantDefinition withZuoraIds(TenantDefinition definition) {
        Catalog c = definition.catalog();
        List<Product> products = c.allProducts().stream().map(p -> new Product(p.id(),
                p.zuoraId() != null ? p.zuoraId() : "zprod" + p.id(), p.name(), p.description(), p.featureList(),
                p.highlight(), p.sku(), p.effectiveStartDate(), p.effectiveEndDate(), p.updatedDate())).toList();
        List<RatePlan> plans = c.ratePlans().stream().map(r -> new RatePlan(r.id(),
                r.zuoraId() != null ? r.zuoraId() : "zplan" + r.id(), r.productId(), r.name(), r.description(),
                r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream().map(ch -> new Charge(ch.id(),
                        ch.zuoraId() != null ? ch.zuoraId() : "zcharge" + ch.id(), ch.name(), ch.description(),
                        ch.type(), ch.model(), ch.billingPeriod(), ch.specificBillingPeriod(), ch.billingTiming(),
                        ch.defaultQuantity(), ch.minQuantity(), ch.maxQuantity(), ch.uom(), ch.taxMode(),
                        ch.taxable(), ch.includedUnits(), ch.discountAppliesTo(), ch.tiers())).toList())).toList();
        return definition.withCatalog(new Catalog(products, plans, c.suiteProducts(), c.pages(),
                c.deletedProductIds()));
    }
}
