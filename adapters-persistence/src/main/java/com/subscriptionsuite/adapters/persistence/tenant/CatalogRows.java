package com.subscriptionsuite.adapters.persistence.tenant;

import static com.subscriptionsuite.adapters.persistence.tenant.Columns.children;
import static com.subscriptionsuite.adapters.persistence.tenant.Columns.decimal;
import static com.subscriptionsuite.adapters.persistence.tenant.Columns.group;
import static com.subscriptionsuite.adapters.persistence.tenant.Columns.parse;
import static com.subscriptionsuite.adapters.persistence.tenant.Columns.wireName;

import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.AddOnRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.CategoryRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.ChangeOptionRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.ChargeRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.DiscountTargetRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.PageRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.ProductRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.RatePlanRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.StepRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.StepSuiteProductRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.SuiteProductRow;
import com.subscriptionsuite.adapters.persistence.tenant.CatalogDao.TierRow;
import com.subscriptionsuite.adapters.persistence.tenant.Columns.Parent;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChangeKind;
import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PageStep;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.ShopPage;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The catalog's rows, of one tenant (to write) or of several (as read). */
record CatalogRows(
        List<ProductRow> products,
        List<RatePlanRow> ratePlans,
        List<ChargeRow> charges,
        List<DiscountTargetRow> discountTargets,
        List<TierRow> tiers,
        List<SuiteProductRow> suiteProducts,
        List<CategoryRow> categories,
        List<AddOnRow> addOns,
        List<ChangeOptionRow> changeOptions,
        List<PageRow> pages,
        List<StepRow> steps,
        List<StepSuiteProductRow> stepSuiteProducts) {

    static CatalogRows of(long tenantId, Catalog catalog) {
        CatalogRows rows = new CatalogRows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Product> products = catalog.allProducts();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            rows.products.add(new ProductRow(tenantId, p.id(), i, p.zuoraId(), p.name(), p.description(),
                    p.featureList(), p.highlight(), p.sku(), p.effectiveStartDate(), p.effectiveEndDate(),
                    p.updatedDate()));
        }
        List<RatePlan> ratePlans = catalog.ratePlans();
        for (int i = 0; i < ratePlans.size(); i++) {
            RatePlan rp = ratePlans.get(i);
            rows.ratePlans.add(new RatePlanRow(tenantId, rp.id(), i, rp.zuoraId(), rp.productId(), rp.name(),
                    rp.description(), rp.effectiveStartDate(), rp.effectiveEndDate()));
            for (int j = 0; j < rp.charges().size(); j++) {
                rows.addCharge(tenantId, rp.id(), j, rp.charges().get(j));
            }
        }
        List<SuiteProduct> suiteProducts = catalog.suiteProducts();
        for (int i = 0; i < suiteProducts.size(); i++) {
            rows.addSuiteProduct(tenantId, i, suiteProducts.get(i));
        }
        List<ShopPage> pages = catalog.pages();
        for (int i = 0; i < pages.size(); i++) {
            ShopPage page = pages.get(i);
            rows.pages.add(new PageRow(tenantId, page.id(), i, page.name(), page.description(), page.active(),
                    page.cart(), page.showCart(), page.allowVoucher()));
            for (int j = 0; j < page.steps().size(); j++) {
                PageStep s = page.steps().get(j);
                rows.steps.add(new StepRow(tenantId, s.id(), page.id(), j, s.number(), s.name(), s.description(),
                        s.optional(), s.uniqueSelection(), s.showCharges(), s.showDescription(),
                        s.showFeatureList(), s.showPeriods(), s.showProductName(), s.showRatePlanName()));
                for (int k = 0; k < s.suiteProductIds().size(); k++) {
                    rows.stepSuiteProducts.add(new StepSuiteProductRow(tenantId, s.id(), k,
                            s.suiteProductIds().get(k)));
                }
            }
        }
        return rows;
    }

    private void addCharge(long tenantId, long ratePlanId, int position, Charge c) {
        String where = "charge " + c.id();
        charges.add(new ChargeRow(tenantId, c.id(), ratePlanId, position, c.zuoraId(), c.name(), c.description(),
                wireName(c.type()), wireName(c.model()), wireName(c.billingPeriod()), c.specificBillingPeriod(),
                wireName(c.billingTiming()), decimal(c.defaultQuantity(), where + " default quantity"),
                decimal(c.minQuantity(), where + " min quantity"), decimal(c.maxQuantity(), where + " max quantity"),
                c.uom(), wireName(c.taxMode()), c.taxable(), decimal(c.includedUnits(), where + " included units")));
        for (ChargeType type : c.discountAppliesTo()) {
            discountTargets.add(new DiscountTargetRow(tenantId, c.id(), type.wireName()));
        }
        for (int i = 0; i < c.tiers().size(); i++) {
            Tier t = c.tiers().get(i);
            String tier = where + " tier " + i;
            tiers.add(new TierRow(tenantId, c.id(), i, t.currency().getCode(),
                    decimal(t.startingUnit(), tier + " starting unit"), decimal(t.endingUnit(), tier + " ending unit"),
                    decimal(t.price(), tier + " price"), t.priceFormat().wireName(), t.overagePrice()));
        }
    }

    private void addSuiteProduct(long tenantId, int position, SuiteProduct s) {
        ChangeRules r = s.changeRules();
        suiteProducts.add(new SuiteProductRow(tenantId, s.id(), position, s.ratePlanId(), s.name(), s.description(),
                s.featureList(), s.highlight(), s.effectiveStartDate(), s.effectiveEndDate(),
                s.differentQuantitiesAllowed(), s.differentQuantitiesAllowedForCharge(), s.purchasableByCustomer(),
                s.purchasableByPartner(), s.purchasableBySales(), s.multipleSubscriptionsAllowed(),
                s.subscriptionType(), s.renewalType(), s.term(), s.renewalTerm(), s.autoRenew(),
                s.newSubscribeMode(), s.addOnMode(), s.hasContactUsLink(), s.trustedHtml(), s.quantityLevel(),
                s.priceLevel(), s.generatedId(), r.cancelBehaviour(), r.cancelMode(), r.cancelPeriodDays(),
                r.quantityUpgradeBehaviour(), r.quantityUpgradeMode(), r.quantityDowngradeBehaviour(),
                r.quantityDowngradeMode(), r.upgradeBehaviour(), r.upgradeMode(), r.downgradeBehaviour(),
                r.downgradeMode()));
        for (int i = 0; i < s.categories().size(); i++) {
            categories.add(new CategoryRow(tenantId, s.id(), i, s.categories().get(i)));
        }
        for (int i = 0; i < s.addOns().size(); i++) {
            addOns.add(new AddOnRow(tenantId, s.id(), i, s.addOns().get(i)));
        }
        for (int i = 0; i < s.changeOptions().size(); i++) {
            ChangeOption o = s.changeOptions().get(i);
            changeOptions.add(new ChangeOptionRow(tenantId, o.id(), s.id(), i, o.targetSuiteProductId(),
                    o.kind().wireName()));
        }
    }

    static CatalogRows load(CatalogDao dao, Collection<Long> tenantIds) {
        return new CatalogRows(dao.products(tenantIds), dao.ratePlans(tenantIds), dao.charges(tenantIds),
                dao.discountTargets(tenantIds), dao.tiers(tenantIds), dao.suiteProducts(tenantIds),
                dao.categories(tenantIds), dao.addOns(tenantIds), dao.changeOptions(tenantIds),
                dao.pages(tenantIds), dao.steps(tenantIds), dao.stepSuiteProducts(tenantIds));
    }

    /** Inserts every row, parents first (rate plans refer to products, add-ons to suite products ...). */
    void insert(CatalogDao dao) {
        if (!products.isEmpty()) {
            dao.insertProducts(products);
        }
        if (!ratePlans.isEmpty()) {
            dao.insertRatePlans(ratePlans);
        }
        if (!charges.isEmpty()) {
            dao.insertCharges(charges);
        }
        if (!discountTargets.isEmpty()) {
            dao.insertDiscountTargets(discountTargets);
        }
        if (!tiers.isEmpty()) {
            dao.insertTiers(tiers);
        }
        if (!suiteProducts.isEmpty()) {
            dao.insertSuiteProducts(suiteProducts);
        }
        if (!categories.isEmpty()) {
            dao.insertCategories(categories);
        }
        if (!addOns.isEmpty()) {
            dao.insertAddOns(addOns);
        }
        if (!changeOptions.isEmpty()) {
            dao.insertChangeOptions(changeOptions);
        }
        if (!pages.isEmpty()) {
            dao.insertPages(pages);
        }
        if (!steps.isEmpty()) {
            dao.insertSteps(steps);
        }
        if (!stepSuiteProducts.isEmpty()) {
            dao.insertStepSuiteProducts(stepSuiteProducts);
        }
    }

    /** The catalog of each of these tenants (empty for a tenant without rows), by tenant id. */
    Map<Long, Catalog> catalogs(Collection<Long> tenantIds) {
        Map<Long, List<ProductRow>> productsByTenant = group(products, ProductRow::tenantId);
        Map<Long, List<RatePlanRow>> ratePlansByTenant = group(ratePlans, RatePlanRow::tenantId);
        Map<Long, List<SuiteProductRow>> suiteProductsByTenant = group(suiteProducts, SuiteProductRow::tenantId);
        Map<Long, List<PageRow>> pagesByTenant = group(pages, PageRow::tenantId);
        Map<Parent, List<ChargeRow>> chargesByPlan = group(charges, c -> new Parent(c.tenantId(), c.ratePlanId()));
        Map<Parent, List<TierRow>> tiersByCharge = group(tiers, t -> new Parent(t.tenantId(), t.chargeId()));
        Map<Parent, List<DiscountTargetRow>> targetsByCharge =
                group(discountTargets, d -> new Parent(d.tenantId(), d.chargeId()));
        Map<Parent, List<CategoryRow>> categoriesBySuite =
                group(categories, c -> new Parent(c.tenantId(), c.suiteProductId()));
        Map<Parent, List<AddOnRow>> addOnsBySuite = group(addOns, a -> new Parent(a.tenantId(), a.suiteProductId()));
        Map<Parent, List<ChangeOptionRow>> optionsBySuite =
                group(changeOptions, o -> new Parent(o.tenantId(), o.suiteProductId()));
        Map<Parent, List<StepRow>> stepsByPage = group(steps, s -> new Parent(s.tenantId(), s.pageId()));
        Map<Parent, List<StepSuiteProductRow>> suitesByStep =
                group(stepSuiteProducts, s -> new Parent(s.tenantId(), s.stepId()));

        Map<Long, Catalog> catalogs = new LinkedHashMap<>();
        for (long tenantId : tenantIds) {
            List<Product> productList = children(productsByTenant, tenantId).stream()
                    .map(p -> new Product(p.id(), p.zuoraId(), p.name(), p.description(), p.featureList(),
                            p.highlight(), p.sku(), p.effectiveStartDate(), p.effectiveEndDate(), p.updatedDate()))
                    .toList();
            List<RatePlan> ratePlanList = children(ratePlansByTenant, tenantId).stream()
                    .map(rp -> new RatePlan(rp.id(), rp.zuoraId(), rp.productId(), rp.name(), rp.description(),
                            rp.effectiveStartDate(), rp.effectiveEndDate(),
                            children(chargesByPlan, new Parent(tenantId, rp.id())).stream()
                                    .map(c -> charge(c, children(tiersByCharge, new Parent(tenantId, c.id())),
                                            children(targetsByCharge, new Parent(tenantId, c.id()))))
                                    .toList()))
                    .toList();
            List<SuiteProduct> suiteProductList = children(suiteProductsByTenant, tenantId).stream()
                    .map(s -> {
                        Parent suite = new Parent(tenantId, s.id());
                        return suiteProduct(s, children(categoriesBySuite, suite), children(addOnsBySuite, suite),
                                children(optionsBySuite, suite));
                    })
                    .toList();
            List<ShopPage> pageList = children(pagesByTenant, tenantId).stream()
                    .map(p -> new ShopPage(p.id(), p.name(), p.description(), p.active(), p.cart(), p.showCart(),
                            p.allowVoucher(), children(stepsByPage, new Parent(tenantId, p.id())).stream()
                                    .map(s -> step(s, children(suitesByStep, new Parent(tenantId, s.id()))))
                                    .toList()))
                    .toList();
            catalogs.put(tenantId, new Catalog(productList, ratePlanList, suiteProductList, pageList));
        }
        return catalogs;
    }

    private static Charge charge(ChargeRow c, List<TierRow> tierRows, List<DiscountTargetRow> targets) {
        Set<ChargeType> appliesTo = EnumSet.noneOf(ChargeType.class);
        targets.forEach(t -> appliesTo.add(parse(ChargeType.class, t.chargeType())));
        return new Charge(c.id(), c.zuoraId(), c.name(), c.description(),
                parse(ChargeType.class, c.chargeType()),
                parse(ChargeModel.class, c.chargeModel()),
                parse(BillingPeriod.class, c.billingPeriod()),
                c.specificBillingPeriod(),
                parse(BillingTiming.class, c.billingTiming()),
                decimal(c.defaultQuantity()), decimal(c.minQuantity()), decimal(c.maxQuantity()),
                c.uom(),
                parse(TaxMode.class, c.taxMode()),
                c.taxable(),
                decimal(c.includedUnits()),
                appliesTo,
                tierRows.stream()
                        .map(t -> new Tier(Columns.currency(t.currency()), decimal(t.startingUnit()),
                                decimal(t.endingUnit()), decimal(t.price()),
                                parse(PriceFormat.class, t.priceFormat()), t.overagePrice()))
                        .toList());
    }

    private static SuiteProduct suiteProduct(SuiteProductRow s, List<CategoryRow> categoryRows,
            List<AddOnRow> addOnRows, List<ChangeOptionRow> optionRows) {
        return new SuiteProduct(s.id(), s.ratePlanId(), s.name(), s.description(), s.featureList(), s.highlight(),
                s.effectiveStartDate(), s.effectiveEndDate(), s.differentQuantitiesAllowed(),
                s.differentQuantitiesAllowedForCharge(), s.purchasableByCustomer(), s.purchasableByPartner(),
                s.purchasableBySales(), s.multipleSubscriptionsAllowed(), s.subscriptionType(), s.renewalType(),
                s.term(), s.renewalTerm(), s.autoRenew(), s.newSubscribeMode(), s.addOnMode(), s.hasContactUsLink(),
                s.trustedHtml(), s.quantityLevel(), s.priceLevel(), s.generatedId(),
                new ChangeRules(s.cancelBehaviour(), s.cancelMode(), s.cancelPeriodDays(),
                        s.quantityUpgradeBehaviour(), s.quantityUpgradeMode(), s.quantityDowngradeBehaviour(),
                        s.quantityDowngradeMode(), s.upgradeBehaviour(), s.upgradeMode(), s.downgradeBehaviour(),
                        s.downgradeMode()),
                categoryRows.stream().map(CategoryRow::category).toList(),
                addOnRows.stream().map(AddOnRow::addOnId).toList(),
                optionRows.stream()
                        .map(o -> new ChangeOption(o.id(), o.targetSuiteProductId(), parse(ChangeKind.class, o.kind())))
                        .toList());
    }

    private static PageStep step(StepRow s, List<StepSuiteProductRow> suites) {
        return new PageStep(s.id(), s.stepNumber(), s.name(), s.description(), s.optional(), s.uniqueSelection(),
                s.showCharges(), s.showDescription(), s.showFeatureList(), s.showPeriods(), s.showProductName(),
                s.showRatePlanName(), suites.stream().map(StepSuiteProductRow::suiteProductId).toList());
    }
}
