package com.subscriptionsuite.application.service.catalogsync;

import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport.Changes;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport.Item;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog.SourceProduct;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tenant.Problem;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a billing system's catalog into a tenant's: the fetched products, rate plans and charges
 * replace the catalog's; suite products and pages stay. Ids stay stable through the billing
 * system's ids: an item whose {@code zuoraId} the catalog knows keeps the catalog's id; a new one
 * gets the next id above the highest id of its kind the catalog holds (charges: across all rate
 * plans). An item that is the same but for the scale of a number ({@code 9.99} and {@code 9.990})
 * is kept as the catalog has it. Soft-deleted products are matched as any other (the store keeps
 * their deletion). Pure: no ports, no clock.
 */
final class CatalogMerge {
    /** The merged catalog and what changed, per kind. */
    record Merged(Catalog catalog, Changes products, Changes ratePlans, Changes charges) {
    }

    private CatalogMerge() {
    }

    /** The merged catalog, or every problem of the billing system's catalog (ids missing or given twice). */
    static Either<List<Problem>, Merged> merge(Catalog current, SourceCatalog source) {
        List<Problem> problems = checkSource(source);
        if (!problems.isEmpty()) {
            return Either.left(problems);
        }
        Map<String, Product> knownProducts = byZuoraId(current.allProducts(), Product::zuoraId);
        Map<String, RatePlan> knownPlans = byZuoraId(current.ratePlans(), RatePlan::zuoraId);
        List<Charge> currentCharges = current.ratePlans().stream().flatMap(p -> p.charges().stream()).toList();
        Map<String, Charge> knownCharges = byZuoraId(currentCharges, Charge::zuoraId);
        long nextProduct = 1 + current.allProducts().stream().mapToLong(Product::id).max().orElse(0);
        long nextPlan = 1 + current.ratePlans().stream().mapToLong(RatePlan::id).max().orElse(0);
        long nextCharge = 1 + currentCharges.stream().mapToLong(Charge::id).max().orElse(0);

        Tally products = new Tally();
        Tally plans = new Tally();
        Tally charges = new Tally();
        List<Product> mergedProducts = new ArrayList<>();
        List<RatePlan> mergedPlans = new ArrayList<>();
        for (SourceProduct sp : source.products()) {
            Product known = knownProducts.get(sp.product().zuoraId());
            Product fetched = withShopTexts(sp.product(), known);
            long productId = known != null ? known.id() : nextProduct++;
            Product product = withId(fetched, productId);
            mergedProducts.add(known != null && known.equals(product) ? known : product);
            products.seen(known, product.equals(known), new Item(productId, product.zuoraId(), product.name()));
            for (RatePlan fetchedPlan : sp.ratePlans()) {
                List<Charge> planCharges = new ArrayList<>();
                for (Charge sourceCharge : fetchedPlan.charges()) {
                    Charge knownCharge = knownCharges.get(sourceCharge.zuoraId());
                    Charge fetchedCharge = withShopTexts(sourceCharge, knownCharge);
                    long chargeId = knownCharge != null ? knownCharge.id() : nextCharge++;
                    Charge charge = withId(fetchedCharge, chargeId);
                    boolean same = knownCharge != null && sameCharge(knownCharge, charge);
                    planCharges.add(same ? knownCharge : charge);
                    charges.seen(knownCharge, same, new Item(chargeId, charge.zuoraId(), charge.name()));
                }
                RatePlan knownPlan = knownPlans.get(fetchedPlan.zuoraId());
                long planId = knownPlan != null ? knownPlan.id() : nextPlan++;
                RatePlan plan = new RatePlan(planId, fetchedPlan.zuoraId(), productId, fetchedPlan.name(),
                        fetchedPlan.description(), fetchedPlan.effectiveStartDate(), fetchedPlan.effectiveEndDate(),
                        planCharges);
                boolean same = knownPlan != null && samePlan(knownPlan, plan);
                mergedPlans.add(plan);
                plans.seen(knownPlan, same, new Item(planId, plan.zuoraId(), plan.name()));
            }
        }
        Set<Long> productIds = new HashSet<>();
        mergedProducts.forEach(p -> productIds.add(p.id()));
        Set<Long> planIds = new HashSet<>();
        mergedPlans.forEach(p -> planIds.add(p.id()));
        Set<Long> chargeIds = new HashSet<>();
        mergedPlans.forEach(p -> p.charges().forEach(c -> chargeIds.add(c.id())));
        for (Product p : current.allProducts()) {
            if (!productIds.contains(p.id())) {
                products.removed.add(new Item(p.id(), p.zuoraId(), p.name()));
            }
        }
        for (RatePlan p : current.ratePlans()) {
            if (!planIds.contains(p.id())) {
                plans.removed.add(new Item(p.id(), p.zuoraId(), p.name()));
            }
        }
        for (Charge c : currentCharges) {
            if (!chargeIds.contains(c.id())) {
                charges.removed.add(new Item(c.id(), c.zuoraId(), c.name()));
            }
        }
        // as a tenant file does, the merged catalog names no soft deletions: the store keeps them apart
        // from the definition and applies them again to whatever definition it reads back
        Catalog merged = new Catalog(mergedProducts, mergedPlans, current.suiteProducts(), current.pages());
        return Either.right(new Merged(merged, products.changes(), plans.changes(), charges.changes()));
    }

    /** Every item of the billing system's catalog needs its id, once per kind. */
    private static List<Problem> checkSource(SourceCatalog source) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> products = new HashMap<>();
        Map<String, String> plans = new HashMap<>();
        Map<String, String> charges = new HashMap<>();
        for (int i = 0; i < source.products().size(); i++) {
            SourceProduct sp = source.products().get(i);
            String productPath = "billing_system.products[" + i + "]";
            key(problems, products, productPath, sp.product().zuoraId(), "product");
            for (int k = 0; k < sp.ratePlans().size(); k++) {
                RatePlan plan = sp.ratePlans().get(k);
                String planPath = productPath + ".rate_plans[" + k + "]";
                key(problems, plans, planPath, plan.zuoraId(), "rate plan");
                for (int m = 0; m < plan.charges().size(); m++) {
                    key(problems, charges, planPath + ".charges[" + m + "]", plan.charges().get(m).zuoraId(),
                            "charge");
                }
            }
        }
        return problems;
    }

    private static void key(List<Problem> problems, Map<String, String> seen, String path, String zuoraId,
            String kind) {
        if (zuoraId == null || zuoraId.isBlank()) {
            problems.add(new Problem(path + ".zuora_id", "a " + kind + " of the billing system has no id"));
            return;
        }
        String first = seen.putIfAbsent(zuoraId, path);
        if (first != null) {
            problems.add(new Problem(path + ".zuora_id", "the billing system lists " + kind + " '" + zuoraId
                    + "' twice (also at " + first + ")"));
        }
    }

    private static <T> Map<String, T> byZuoraId(List<T> items, java.util.function.Function<T, String> zuoraId) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            String id = zuoraId.apply(item);
            if (id != null && !id.isBlank()) {
                map.putIfAbsent(id, item);
            }
        }
        return map;
    }

    /**
     * The shop's texts a billing system does not keep (Zuora's catalog has no feature list, highlight or
     * charge description) stay as the tenant file gave them: a text the billing system answers blank
     * keeps the engine's; one it answers is taken.
     */
    private static Product withShopTexts(Product fetched, Product known) {
        if (known == null) {
            return fetched;
        }
        return new Product(fetched.id(), fetched.zuoraId(), fetched.name(),
                text(fetched.description(), known.description()), text(fetched.featureList(), known.featureList()), text(fetched.highlight(), known.highlight()),
                fetched.sku(), fetched.effectiveStartDate(), fetched.effectiveEndDate(), fetched.updatedDate());
    }

    private static Charge withShopTexts(Charge fetched, Charge known) {
        if (known == null) {
            return fetched;
        }
        return new Charge(fetched.id(), fetched.zuoraId(), fetched.name(), text(fetched.description(),
                known.description()), fetched.type(), fetched.model(), fetched.billingPeriod(),
                fetched.specificBillingPeriod(), fetched.billingTiming(), fetched.defaultQuantity(),
                fetched.minQuantity(), fetched.maxQuantity(), fetched.uom(), fetched.taxMode(), fetched.taxable(),
                fetched.includedUnits(), fetched.discountAppliesTo(), fetched.tiers());
    }

    private static String text(String fetched, String known) {
        return fetched == null || fetched.isBlank() ? known : fetched;
    }

    private static Product withId(Product p, long id) {
        return new Product(id, p.zuoraId(), p.name(), p.description(), p.featureList(), p.highlight(), p.sku(),
                p.effectiveStartDate(), p.effectiveEndDate(), p.updatedDate());
    }

    private static Charge withId(Charge c, long id) {
        return new Charge(id, c.zuoraId(), c.name(), c.description(), c.type(), c.model(), c.billingPeriod(),
                c.specificBillingPeriod(), c.billingTiming(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(),
                c.uom(), c.taxMode(), c.taxable(), c.includedUnits(), c.discountAppliesTo(), c.tiers());
    }

    /** A rate plan's own fields and its charges' ids, in order (a charge's content is the charge's change). */
    private static boolean samePlan(RatePlan a, RatePlan b) {
        return a.productId() == b.productId() && a.name().equals(b.name()) && a.description().equals(b.description())
                && Objects.equals(a.effectiveStartDate(), b.effectiveStartDate())
                && Objects.equals(a.effectiveEndDate(), b.effectiveEndDate())
                && a.charges().stream().map(Charge::id).toList().equals(b.charges().stream().map(Charge::id).toList());
    }

    /** Equal field by field, numbers by value (not by scale). */
    static boolean sameCharge(Charge a, Charge b) {
        return a.id() == b.id() && Objects.equals(a.zuoraId(), b.zuoraId()) && a.name().equals(b.name())
                && a.description().equals(b.description()) && a.type() == b.type() && a.model() == b.model()
                && a.billingPeriod() == b.billingPeriod()
                && Objects.equals(a.specificBillingPeriod(), b.specificBillingPeriod())
                && a.billingTiming() == b.billingTiming() && sameNumber(a.defaultQuantity(), b.defaultQuantity())
                && sameNumber(a.minQuantity(), b.minQuantity()) && sameNumber(a.maxQuantity(), b.maxQuantity())
                && Objects.equals(a.uom(), b.uom()) && a.taxMode() == b.taxMode() && a.taxable() == b.taxable()
                && sameNumber(a.includedUnits(), b.includedUnits())
                && a.discountAppliesTo().equals(b.discountAppliesTo()) && sameTiers(a.tiers(), b.tiers());
    }

    private static boolean sameTiers(List<Tier> a, List<Tier> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Tier x = a.get(i);
            Tier y = b.get(i);
            if (!x.currency().equals(y.currency()) || !sameNumber(x.startingUnit(), y.startingUnit())
                    || !sameNumber(x.endingUnit(), y.endingUnit()) || !sameNumber(x.price(), y.price())
                    || x.priceFormat() != y.priceFormat() || x.overagePrice() != y.overagePrice()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Added, changed and removed items of one kind, in the order met. */
    private static final class Tally {
        final List<Item> added = new ArrayList<>();
        final List<Item> changed = new ArrayList<>();
        final List<Item> removed = new ArrayList<>();

        void seen(Object known, boolean same, Item item) {
            if (known == null) {
                added.add(item);
            } else if (!same) {
                changed.add(item);
            }
        }

        Changes changes() {
            return new Changes(added, changed, removed);
        }
    }
}
