package com.subscriptionsuite.adapters.zuora;

import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.util.List;

/** Test catalogs as a Zuora tenant knows them: a Zuora id on every product, rate plan and charge. */
public final class ZuoraTestCatalogs {
    private ZuoraTestCatalogs() {
    }

    /** The definition with a Zuora id on every product, rate plan and charge (kept where it has one). */
    public static TenantDefinition withZuoraIds(TenantDefinition definition) {
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

    /** Every product of the catalog into the simulator, under the same Zuora ids. */
    public static void seed(ZuoraSimulator simulator, Catalog catalog) {
        for (Product p : catalog.allProducts()) {
            var product = com.subscriptionsuite.zuora.simulator.Catalog.product(p.name()).id(p.zuoraId());
            for (RatePlan r : catalog.ratePlans()) {
                if (r.productId() != p.id()) {
                    continue;
                }
                var plan = com.subscriptionsuite.zuora.simulator.Catalog.ratePlan(r.name()).id(r.zuoraId());
                for (Charge ch : r.charges()) {
                    var charge = switch (ch.type()) {
                        case ONE_TIME -> com.subscriptionsuite.zuora.simulator.Catalog.oneTime(ch.name(),
                                ch.model().wireName());
                        case USAGE -> com.subscriptionsuite.zuora.simulator.Catalog.usage(ch.name(),
                                ch.model().wireName());
                        default -> com.subscriptionsuite.zuora.simulator.Catalog.recurring(ch.name(),
                                ch.model().wireName());
                    };
                    charge.id(ch.zuoraId());
                    if (ch.billingPeriod() != null) {
                        charge.billingPeriod(ch.billingPeriod().wireName());
                    }
                    if (ch.billingTiming() != null) {
                        charge.billingTiming(ch.billingTiming().wireName());
                    }
                    // the fields the engine's catalog holds and the simulator does not price by
                    charge.uom(ch.uom()).attribute("taxMode", ch.taxMode().wireName())
                            .attribute("taxable", ch.taxable());
                    if (ch.defaultQuantity() != null) {
                        charge.defaultQuantity(ch.defaultQuantity().toPlainString());
                    } else {
                        charge.attribute("defaultQuantity", null);
                    }
                    if (ch.specificBillingPeriod() != null) {
                        charge.attribute("specificBillingPeriod", ch.specificBillingPeriod());
                    }
                    if (ch.minQuantity() != null) {
                        charge.attribute("minQuantity", ch.minQuantity().toPlainString());
                    }
                    if (ch.maxQuantity() != null) {
                        charge.attribute("maxQuantity", ch.maxQuantity().toPlainString());
                    }
                    if (!ch.discountAppliesTo().isEmpty()) {
                        StringBuilder to = new StringBuilder();
                        for (var type : List.of(com.subscriptionsuite.domain.catalog.ChargeType.ONE_TIME,
                                com.subscriptionsuite.domain.catalog.ChargeType.RECURRING,
                                com.subscriptionsuite.domain.catalog.ChargeType.USAGE)) {
                            if (ch.discountAppliesTo().contains(type)) {
                                to.append(type.wireName().toUpperCase(java.util.Locale.ROOT));
                            }
                        }
                        charge.attribute("applyDiscountTo", to.toString());
                    }
                    boolean tiered = ch.model() == ChargeModel.TIERED || ch.model() == ChargeModel.VOLUME;
                    for (Tier t : ch.tiers()) {
                        if (tiered) {
                            charge.tier(t.currency().getCode(), t.startingUnit().toPlainString(),
                                    t.endingUnit() == null ? null : t.endingUnit().toPlainString(),
                                    t.price().toPlainString(), t.priceFormat().wireName());
                        } else {
                            charge.price(t.currency().getCode(), t.price().toPlainString());
                        }
                    }
                    plan.charge(charge);
                }
                product.ratePlan(plan);
            }
            simulator.catalog().addProduct(product);
        }
    }
}
