package com.subscriptionsuite.bootstrap.tenantfile;

import com.fasterxml.jackson.databind.JsonNode;
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
import com.subscriptionsuite.domain.tenant.TenantRules;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;

/** Reads the {@code catalog} object: products, rate plans with charges and tiers, suite products, pages. */
final class CatalogSection {
    private CatalogSection() {
    }

    static Option<Catalog> catalog(Fields f) {
        List<Product> products = f.objects("products", true, CatalogSection::product);
        uniqueIds(f, "products", "product");
        List<RatePlan> ratePlans = f.objects("rate_plans", true, CatalogSection::ratePlan);
        uniqueIds(f, "rate_plans", "rate plan");
        List<SuiteProduct> suiteProducts = f.objects("suite_products", true, CatalogSection::suiteProduct);
        uniqueIds(f, "suite_products", "suite product");
        List<ShopPage> pages = f.objects("pages", true, CatalogSection::page);
        uniqueIds(f, "pages", "page");
        return f.finish() ? Option.some(new Catalog(products, ratePlans, suiteProducts, pages)) : Option.none();
    }

    /**
     * A catalog indexes products, rate plans, suite products and pages by id, so two with one id
     * cannot even be built: the reader reports them (the other uniqueness rules are in
     * {@link TenantRules}).
     */
    private static void uniqueIds(Fields f, String name, String kind) {
        f.field(name).filter(JsonNode::isArray).forEach(array -> {
            Map<Long, Integer> seen = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode id = array.get(i).path("id");
                if (id.isIntegralNumber() && id.canConvertToLong()) {
                    Integer first = seen.putIfAbsent(id.longValue(), i);
                    if (first != null) {
                        f.problem(f.path(name) + "[" + i + "].id", kind + " id " + id.longValue()
                                + " is listed twice (also at " + f.path(name) + "[" + first + "])");
                    }
                }
            }
        });
    }

    static Option<Product> product(Fields f) {
        long id = f.requiredLong("id");
        String zuoraId = f.optionalString("zuora_id", null);
        String name = f.requiredString("name");
        String description = f.optionalString("description", "");
        String featureList = f.optionalString("feature_list", "");
        String highlight = f.optionalString("highlight", "");
        String sku = f.optionalString("sku", "");
        LocalDate start = f.optionalDate("effective_start_date");
        LocalDate end = f.optionalDate("effective_end_date");
        LocalDate updated = f.optionalDate("updated_date");
        return f.finish()
                ? Option.some(new Product(id, zuoraId, name, description, featureList, highlight, sku, start, end, updated))
                : Option.none();
    }

    static Option<RatePlan> ratePlan(Fields f) {
        long id = f.requiredLong("id");
        String zuoraId = f.optionalString("zuora_id", null);
        long productId = f.requiredLong("product_id");
        String name = f.requiredString("name");
        String description = f.optionalString("description", "");
        LocalDate start = f.optionalDate("effective_start_date");
        LocalDate end = f.optionalDate("effective_end_date");
        List<Charge> charges = f.objects("charges", true, CatalogSection::charge);
        return f.finish()
                ? Option.some(new RatePlan(id, zuoraId, productId, name, description, start, end, charges))
                : Option.none();
    }

    static Option<Charge> charge(Fields f) {
        long id = f.requiredLong("id");
        String zuoraId = f.optionalString("zuora_id", null);
        String name = f.requiredString("name");
        String description = f.optionalString("description", "");
        ChargeType type = f.requiredEnum("charge_type", ChargeType.class);
        ChargeModel model = f.requiredEnum("charge_model", ChargeModel.class);
        BillingPeriod period = f.optionalEnum("billing_period", BillingPeriod.class, null);
        Integer specificPeriod = f.optionalInteger("specific_billing_period");
        BillingTiming timing = f.optionalEnum("billing_timing", BillingTiming.class, BillingTiming.IN_ADVANCE);
        BigDecimal defaultQuantity = f.optionalDecimal("default_quantity", BigDecimal.ONE);
        BigDecimal minQuantity = f.optionalDecimal("min_quantity", null);
        BigDecimal maxQuantity = f.optionalDecimal("max_quantity", null);
        String uom = f.optionalString("uom", "");
        TaxMode taxMode = f.requiredEnum("tax_mode", TaxMode.class);
        boolean taxable = f.optionalBoolean("is_taxable", true);
        BigDecimal includedUnits = f.optionalDecimal("included_units", BigDecimal.ZERO);
        Set<ChargeType> appliesTo = new LinkedHashSet<>(
                f.list("applies_to", false, (v, p) -> Option.of(f.wireNamed(p, v, ChargeType.class))));
        PriceFormat defaultFormat = model == ChargeModel.FLAT_FEE ? PriceFormat.FLAT_FEE : PriceFormat.PER_UNIT;
        List<Tier> tiers = f.objects("tiers", true, t -> tier(t, defaultFormat));
        return f.finish()
                ? Option.some(new Charge(id, zuoraId, name, description, type, model, period, specificPeriod, timing,
                        defaultQuantity, minQuantity, maxQuantity, uom, taxMode, taxable, includedUnits, appliesTo, tiers))
                : Option.none();
    }

    /** A tier; its price format defaults to FlatFee for FlatFee charges and PerUnit otherwise. */
    static Option<Tier> tier(Fields f, PriceFormat defaultFormat) {
        CurrencyUnit currency = f.requiredCurrency("currency");
        BigDecimal start = f.optionalDecimal("starting_unit", BigDecimal.ZERO);
        BigDecimal end = f.optionalDecimal("ending_unit", null);
        BigDecimal price = f.requiredDecimal("price");
        PriceFormat format = f.optionalEnum("price_format", PriceFormat.class, defaultFormat);
        boolean overage = f.optionalBoolean("is_overage_price", false);
        return f.finish() ? Option.some(new Tier(currency, start, end, price, format, overage)) : Option.none();
    }

    static Option<SuiteProduct> suiteProduct(Fields f) {
        long id = f.requiredLong("id");
        long ratePlanId = f.requiredLong("rate_plan_id");
        String name = f.requiredString("name");
        String description = f.optionalString("description", "");
        String featureList = f.optionalString("feature_list", "");
        String highlight = f.optionalString("highlight", "");
        LocalDate start = f.optionalDate("effective_start_date");
        LocalDate end = f.optionalDate("effective_end_date");
        boolean differentQuantities = f.optionalBoolean("different_quantities_allowed", false);
        boolean differentQuantitiesForCharge = f.optionalBoolean("different_quantities_allowed_for_charge", false);
        boolean byCustomer = f.optionalBoolean("purchasable_by_customer", true);
        boolean byPartner = f.optionalBoolean("purchasable_by_partner", false);
        boolean bySales = f.optionalBoolean("purchasable_by_sales", false);
        boolean multiple = f.optionalBoolean("multiple_subscriptions_allowed", false);
        String subscriptionType = f.optionalChoice("subscription_type", TenantRules.SUBSCRIPTION_TYPES, "TERMED");
        String renewalType = f.optionalChoice("renewal_type", TenantRules.RENEWAL_TYPES, "RENEW_WITH_SPECIFIC_TERM");
        int term = f.optionalInt("term", 12);
        int renewalTerm = f.optionalInt("renewal_term", 12);
        boolean autoRenew = f.optionalBoolean("is_auto_renew", true);
        int newSubscribeMode = f.optionalInt("new_subscribe_mode", 0);
        int addOnMode = f.optionalInt("add_on_mode", 0);
        boolean contactUs = f.optionalBoolean("has_contact_us_link", false);
        String trustedHtml = f.optionalString("trusted_html", "");
        int quantityLevel = f.optionalInt("quantity_level", 0);
        int priceLevel = f.optionalInt("price_level", 0);
        String generatedId = f.optionalString("generated_id", "");
        ChangeRules rules = new ChangeRules(
                f.requiredInt("cancel_behaviour"),
                f.requiredInt("cancel_mode"),
                f.requiredInt("cancel_period"),
                f.requiredInt("quantity_upgrade_behaviour"),
                f.requiredInt("quantity_upgrade_mode"),
                f.requiredInt("quantity_downgrade_behaviour"),
                f.requiredInt("quantity_downgrade_mode"),
                f.requiredInt("upgrade_behaviour"),
                f.requiredInt("upgrade_mode"),
                f.requiredInt("downgrade_behaviour"),
                f.requiredInt("downgrade_mode"));
        List<String> categories = f.strings("categories");
        List<Long> addOns = f.ids("add_ons", false);
        List<ChangeOption> changeOptions = f.objects("change_options", false, CatalogSection::changeOption);
        return f.finish()
                ? Option.some(new SuiteProduct(id, ratePlanId, name, description, featureList, highlight, start, end,
                        differentQuantities, differentQuantitiesForCharge, byCustomer, byPartner, bySales, multiple,
                        subscriptionType, renewalType, term, renewalTerm, autoRenew, newSubscribeMode, addOnMode,
                        contactUs, trustedHtml, quantityLevel, priceLevel, generatedId, rules, categories, addOns,
                        changeOptions))
                : Option.none();
    }

    static Option<ChangeOption> changeOption(Fields f) {
        long id = f.requiredLong("id");
        long target = f.requiredLong("target_suite_product_id");
        ChangeKind kind = f.requiredEnum("kind", ChangeKind.class);
        return f.finish() ? Option.some(new ChangeOption(id, target, kind)) : Option.none();
    }

    static Option<ShopPage> page(Fields f) {
        long id = f.requiredLong("id");
        String name = f.requiredString("name");
        String description = f.optionalString("description", "");
        boolean active = f.requiredBoolean("is_active");
        boolean cart = f.requiredBoolean("is_cart");
        boolean showCart = f.requiredBoolean("show_cart");
        boolean allowVoucher = f.requiredBoolean("allow_voucher");
        List<PageStep> steps = f.objects("steps", true, CatalogSection::step);
        return f.finish()
                ? Option.some(new ShopPage(id, name, description, active, cart, showCart, allowVoucher, steps))
                : Option.none();
    }

    static Option<PageStep> step(Fields f) {
        long id = f.requiredLong("id");
        int number = f.requiredInt("number");
        String name = f.requiredString("name");
        String description = f.optionalString("description", "");
        boolean optional = f.requiredBoolean("is_optional");
        boolean unique = f.requiredBoolean("has_unique_selection");
        boolean showCharges = f.optionalBoolean("show_charges", true);
        boolean showDescription = f.optionalBoolean("show_description", true);
        boolean showFeatureList = f.optionalBoolean("show_feature_list", true);
        boolean showPeriods = f.optionalBoolean("show_periods", true);
        boolean showProductName = f.optionalBoolean("show_product_name", true);
        boolean showRatePlanName = f.optionalBoolean("show_rate_plan_name", true);
        List<Long> suiteProducts = f.ids("suite_products", true);
        return f.finish()
                ? Option.some(new PageStep(id, number, name, description, optional, unique, showCharges,
                        showDescription, showFeatureList, showPeriods, showProductName, showRatePlanName, suiteProducts))
                : Option.none();
    }
}
