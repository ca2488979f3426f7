package com.subscriptionsuite.adapters.zuora;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.CatalogSource;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog.SourceProduct;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zuora's product catalog as the engine's catalog sync reads it: every product of
 * {@code GET /v1/catalog/products} (all pages), every product rate plan of
 * {@code GET /v1/products/{id}/product-rate-plans} (all pages: from Zuora-Version 230.0 on a product
 * names its rate plans by that URL; below 230.0 they come inline and are taken as they are), with their
 * charges mapped to the domain's {@link Charge} and {@link Tier}.
 * <p>
 * Nothing is guessed: a charge the engine cannot price as Zuora does (a charge model, type, billing
 * period, timing, tax mode, list price base or price format it does not know, a Specific_* period
 * without its length, included units that differ per currency) makes the whole fetch answer
 * {@code Rejected("catalog_unsupported", ...)} naming every such charge. Billing failures of the
 * calls pass through as the client answers them (GETs are retried by the client).
 * <p>
 * One Zuora tenant stands behind one {@link ZuoraClient}: the tenant id is not sent to Zuora.
 */
public final class ZuoraCatalogSource implements CatalogSource {
    private static final Logger LOG = LoggerFactory.getLogger(ZuoraCatalogSource.class);
    /** A guard against a {@code nextPage} that never ends; 40 items a page. */
    static final int MAX_PAGES = 500;
    public static final String UNSUPPORTED = "catalog_unsupported";

    private final ZuoraClient client;

    public ZuoraCatalogSource(ZuoraClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Either<BillingFailure, SourceCatalog> fetch(long tenantId) {
        List<ZuoraDtos.CatalogProduct> products = new ArrayList<>();
        for (int page = 1; ; page++) {
            int p = page;
            Either<BillingFailure, ZuoraDtos.CatalogProducts> got = client.call("GET catalog/products", true,
                    api -> api.catalogProducts(p), ZuoraDtos.CatalogProducts.class);
            if (got.isLeft()) {
                return Either.left(got.getLeft());
            }
            List<ZuoraDtos.CatalogProduct> items = got.get().products == null ? List.of() : got.get().products;
            products.addAll(items);
            if (got.get().nextPage == null || got.get().nextPage.isBlank() || items.isEmpty()) {
                break;
            }
            if (page == MAX_PAGES) {
                return Either.left(new BillingFailure.Unavailable("Zuora's catalog did not end after "
                        + MAX_PAGES + " pages"));
            }
        }
        List<String> unsupported = new ArrayList<>();
        List<SourceProduct> out = new ArrayList<>();
        for (ZuoraDtos.CatalogProduct product : products) {
            Either<BillingFailure, List<ZuoraDtos.ProductRatePlan>> plans = ratePlans(product);
            if (plans.isLeft()) {
                return Either.left(plans.getLeft());
            }
            List<RatePlan> ratePlans = new ArrayList<>();
            for (ZuoraDtos.ProductRatePlan plan : plans.get()) {
                List<Charge> charges = new ArrayList<>();
                for (ZuoraDtos.ProductRatePlanCharge charge : nullToEmpty(plan.productRatePlanCharges)) {
                    String where = "charge '" + charge.name + "' (" + charge.id + ") of rate plan '" + plan.name
                            + "' (" + plan.id + ") of product '" + product.name + "' (" + product.id + ")";
                    Either<String, Charge> mapped = charge(charge);
                    if (mapped.isLeft()) {
                        unsupported.add(where + ": " + mapped.getLeft());
                    } else {
                        charges.add(mapped.get());
                    }
                }
                ratePlans.add(new RatePlan(0, plan.id, 0, nameOf(plan.name), plan.description,
                        date(plan.effectiveStartDate), date(plan.effectiveEndDate), charges));
            }
            out.add(new SourceProduct(new Product(0, product.id, nameOf(product.name), product.description, null, null,
                    product.sku, date(product.effectiveStartDate), date(product.effectiveEndDate), null), ratePlans));
        }
        if (!unsupported.isEmpty()) {
            LOG.warn("Zuora's catalog has {} charge(s) the engine cannot represent: {}", unsupported.size(),
                    unsupported);
            return Either.left(new BillingFailure.Rejected(UNSUPPORTED,
                    "Zuora's catalog has charges the engine cannot represent: " + String.join("; ", unsupported)));
        }
        return Either.right(new SourceCatalog(out));
    }

    /** The product's rate plans: inline below Zuora-Version 230.0, else every page of the URL it names. */
    private Either<BillingFailure, List<ZuoraDtos.ProductRatePlan>> ratePlans(ZuoraDtos.CatalogProduct product) {
        JsonNode inline = product.productRatePlans;
        if (inline != null && inline.isArray()) {
            List<ZuoraDtos.ProductRatePlan> plans = new ArrayList<>();
            for (JsonNode n : inline) {
                try {
                    plans.add(client.mapper.treeToValue(n, ZuoraDtos.ProductRatePlan.class));
                } catch (java.io.IOException | IllegalArgumentException e) {
                    return Either.left(new BillingFailure.Unavailable("Zuora's rate plans of product " + product.id
                            + " were not understood"));
                }
            }
            return Either.right(plans);
        }
        List<ZuoraDtos.ProductRatePlan> plans = new ArrayList<>();
        for (int page = 1; ; page++) {
            int p = page;
            Either<BillingFailure, ZuoraDtos.ProductRatePlans> got = client.call("GET product-rate-plans", true,
                    api -> api.productRatePlans(product.id, p), ZuoraDtos.ProductRatePlans.class);
            if (got.isLeft()) {
                return Either.left(got.getLeft());
            }
            List<ZuoraDtos.ProductRatePlan> items = nullToEmpty(got.get().productRatePlans);
            plans.addAll(items);
            if (got.get().nextPage == null || got.get().nextPage.isBlank() || items.isEmpty()) {
                return Either.right(plans);
            }
            if (page == MAX_PAGES) {
                return Either.left(new BillingFailure.Unavailable("Zuora's rate plans of product " + product.id
                        + " did not end after " + MAX_PAGES + " pages"));
            }
        }
    }

    // ---- one charge ---------------------------------------------------------------------------

    /** The domain's charge for Zuora's, or why the engine cannot represent it. */
    static Either<String, Charge> charge(ZuoraDtos.ProductRatePlanCharge c) {
        ChargeType type = ChargeType.fromWireName(c.type).getOrNull();
        if (type == null) {
            return Either.left("charge type " + c.type + " is not one the engine knows (OneTime, Recurring, Usage)");
        }
        ChargeModel model = ChargeModel.fromWireName(c.model).getOrNull();
        if (model == null) {
            return Either.left("charge model " + c.model + " is not one the engine prices (FlatFee, PerUnit, Tiered, "
                    + "Volume, Overage, TieredWithOverage, DiscountPercentage, DiscountFixedAmount)");
        }
        BillingPeriod period = null;
        Integer specificPeriod = null;
        BillingTiming timing = null;
        if (type != ChargeType.ONE_TIME) {
            period = c.billingPeriod == null ? null : BillingPeriod.fromWireName(spelling(c.billingPeriod)).getOrNull();
            if (period == null) {
                return Either.left("billing period " + c.billingPeriod + " is not one the engine knows");
            }
            if (period.needsLength()) {
                if (c.specificBillingPeriod == null || c.specificBillingPeriod < 1) {
                    return Either.left("billing period " + period.wireName() + " needs its length "
                            + "(specificBillingPeriod); Zuora gave " + c.specificBillingPeriod);
                }
                specificPeriod = c.specificBillingPeriod;
            }
            timing = c.billingTiming == null ? BillingTiming.IN_ADVANCE
                    : BillingTiming.fromWireName(c.billingTiming.toUpperCase(Locale.ROOT).replace(' ', '_')).getOrNull();
            if (timing == null) {
                return Either.left("billing timing " + c.billingTiming + " is not one the engine knows "
                        + "(IN_ADVANCE, IN_ARREARS)");
            }
            if (type == ChargeType.RECURRING && c.listPriceBase != null
                    && !c.listPriceBase.equals("Per_Billing_Period")) {
                return Either.left("list price base " + c.listPriceBase + ": the engine's prices are per billing "
                        + "period (Per_Billing_Period)");
            }
        }
        TaxMode taxMode = c.taxMode == null ? TaxMode.TAX_EXCLUSIVE : TaxMode.fromWireName(c.taxMode).getOrNull();
        if (taxMode == null) {
            return Either.left("tax mode " + c.taxMode + " is not one the engine knows (TaxExclusive, TaxInclusive)");
        }
        Set<ChargeType> appliesTo = new LinkedHashSet<>();
        if (model.isDiscount() && c.applyDiscountTo != null) {
            String to = c.applyDiscountTo.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
            if (to.contains("ONETIME")) {
                appliesTo.add(ChargeType.ONE_TIME);
            }
            if (to.contains("RECURRING")) {
                appliesTo.add(ChargeType.RECURRING);
            }
            if (to.contains("USAGE")) {
                appliesTo.add(ChargeType.USAGE);
            }
            if (appliesTo.isEmpty() || !to.replace("ONETIME", "").replace("RECURRING", "").replace("USAGE", "")
                    .isEmpty()) {
                return Either.left("applyDiscountTo " + c.applyDiscountTo + " is not one the engine knows "
                        + "(ONETIME, RECURRING, USAGE and their combinations)");
            }
        }
        BigDecimal included = c.includedUnits;
        List<Tier> tiers = new ArrayList<>();
        for (ZuoraDtos.ChargePricing pricing : nullToEmpty(c.pricing)) {
            CurrencyUnit currency;
            try {
                currency = CurrencyUnit.of(String.valueOf(pricing.currency));
            } catch (IllegalCurrencyException e) {
                return Either.left("currency " + pricing.currency + " is not an ISO 4217 currency the engine knows");
            }
            if (pricing.includedUnits != null && (model == ChargeModel.OVERAGE
                    || model == ChargeModel.TIERED_WITH_OVERAGE)) {
                if (included != null && included.compareTo(pricing.includedUnits) != 0) {
                    return Either.left("included units differ per currency (" + included.toPlainString() + ", "
                            + pricing.includedUnits.toPlainString() + " in " + currency.getCode()
                            + "); the engine has one number of included units per charge");
                }
                included = pricing.includedUnits;
            }
            Either<String, List<Tier>> priced = tiers(model, currency, pricing);
            if (priced.isLeft()) {
                return Either.left(priced.getLeft());
            }
            tiers.addAll(priced.get());
        }
        if (!(model == ChargeModel.OVERAGE || model == ChargeModel.TIERED_WITH_OVERAGE)) {
            included = null;
        }
        return Either.right(new Charge(0, c.id, nameOf(c.name), c.description, type, model, period, specificPeriod,
                timing, c.defaultQuantity, c.minQuantity, c.maxQuantity, c.uom, taxMode,
                c.taxable != null && c.taxable, included, appliesTo, tiers));
    }

    /** One currency's tiers, as {@code CatalogSection} reads them from a tenant file. */
    private static Either<String, List<Tier>> tiers(ChargeModel model, CurrencyUnit currency,
            ZuoraDtos.ChargePricing pricing) {
        BigDecimal single = switch (model) {
            case FLAT_FEE, PER_UNIT -> pricing.price;
            case DISCOUNT_PERCENTAGE -> pricing.discountPercentage;
            case DISCOUNT_FIXED_AMOUNT -> pricing.discountAmount;
            case OVERAGE -> pricing.overagePrice;
            default -> null;
        };
        switch (model) {
            case FLAT_FEE, DISCOUNT_PERCENTAGE, DISCOUNT_FIXED_AMOUNT -> {
                return Either.right(single == null ? List.of() : List.of(Tier.single(currency, single,
                        PriceFormat.FLAT_FEE)));
            }
            case PER_UNIT -> {
                return Either.right(single == null ? List.of() : List.of(Tier.single(currency, single,
                        PriceFormat.PER_UNIT)));
            }
            case OVERAGE -> {
                return Either.right(single == null ? List.of() : List.of(new Tier(currency, BigDecimal.ZERO, null,
                        single, PriceFormat.PER_UNIT, true)));
            }
            default -> {
                // Tiered, Volume, TieredWithOverage
                List<ZuoraDtos.ChargeTier> zuoraTiers = new ArrayList<>(nullToEmpty(pricing.tiers));
                zuoraTiers.sort(Comparator.comparing((ZuoraDtos.ChargeTier t) -> t.tier == null ? Long.MAX_VALUE : t.tier));
                List<Tier> tiers = new ArrayList<>();
                for (ZuoraDtos.ChargeTier t : zuoraTiers) {
                    if (t.price == null) {
                        return Either.left("tier " + t.tier + " in " + currency.getCode() + " has no price");
                    }
                    PriceFormat format = t.priceFormat == null ? PriceFormat.PER_UNIT
                            : PriceFormat.fromWireName(t.priceFormat.replace(" ", "").replace("flatfee", "FlatFee")
                                    .replace("perunit", "PerUnit")).getOrNull();
                    if (format == null) {
                        return Either.left("tier " + t.tier + " in " + currency.getCode() + " has price format "
                                + t.priceFormat + ", not FlatFee or PerUnit");
                    }
                    tiers.add(new Tier(currency, t.startingUnit == null ? BigDecimal.ZERO : t.startingUnit,
                            t.endingUnit, t.price, format, false));
                }
                if (model == ChargeModel.TIERED_WITH_OVERAGE && pricing.overagePrice != null) {
                    BigDecimal lastEnd = tiers.isEmpty() ? null : tiers.get(tiers.size() - 1).endingUnit();
                    tiers.add(new Tier(currency, lastEnd == null ? BigDecimal.ZERO : lastEnd.add(BigDecimal.ONE), null,
                            pricing.overagePrice, PriceFormat.PER_UNIT, true));
                }
                return Either.right(tiers);
            }
        }
    }

    /** Zuora's API spelling of a billing period; the CRUD/UI spelling ({@code Semi-Annual}, {@code Specific Months}) too. */
    private static String spelling(String period) {
        return period.strip().replace('-', '_').replace(' ', '_');
    }

    private static String nameOf(String name) {
        return name == null ? "" : name;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    @Override
    public String toString() {
        return "ZuoraCatalogSource[" + client + "]";
    }
}
