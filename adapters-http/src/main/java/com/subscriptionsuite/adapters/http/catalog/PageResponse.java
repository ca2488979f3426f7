package com.subscriptionsuite.adapters.http.catalog;

import static com.subscriptionsuite.adapters.http.catalog.ProductResponse.date;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage.Offer;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage.PageView;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage.StepView;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.PageStep;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.ShopPage;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.catalog.WireNamed;
import java.math.BigDecimal;
import java.util.List;

/**
 * The seed's GET /page/{id} object. A step's {@code rate_plans} are the suite products it offers:
 * their {@code id} is the suite product id the preview takes. The {@code show_*} flags sit at step
 * level, as in the seed's example.
 */
record PageResponse(
        @JsonProperty("allow_voucher") boolean allowVoucher,
        String description,
        long id,
        @JsonProperty("is_active") boolean isActive,
        @JsonProperty("is_cart") boolean isCart,
        String name,
        long pageId,
        @JsonProperty("show_cart") boolean showCart,
        List<Step> steps) {

    static PageResponse from(PageView view) {
        ShopPage page = view.page();
        return new PageResponse(page.allowVoucher(), page.description(), page.id(), page.active(), page.cart(),
                page.name(), page.id(), page.showCart(), view.steps().stream().map(Step::from).toList());
    }

    record Step(
            String description,
            @JsonProperty("has_unique_selection") boolean hasUniqueSelection,
            long id,
            @JsonProperty("is_optional") boolean isOptional,
            String name,
            int number,
            List<RatePlan> ratePlans,
            @JsonProperty("show_charges") boolean showCharges,
            @JsonProperty("show_description") boolean showDescription,
            @JsonProperty("show_featureList") boolean showFeatureList,
            @JsonProperty("show_periods") boolean showPeriods,
            @JsonProperty("show_product_name") boolean showProductName,
            @JsonProperty("show_rate_plan_name") boolean showRatePlanName) {

        static Step from(StepView view) {
            PageStep s = view.step();
            return new Step(s.description(), s.uniqueSelection(), s.id(), s.optional(), s.name(), s.number(),
                    view.offers().stream().map(RatePlan::from).toList(), s.showCharges(), s.showDescription(),
                    s.showFeatureList(), s.showPeriods(), s.showProductName(), s.showRatePlanName());
        }
    }

    /** An offered suite product with its Zuora product and rate plan charges. */
    record RatePlan(
            String description,
            String effectiveEndDate,
            String effectiveStartDate,
            String featureList,
            String highlight,
            long id,
            String name,
            ProductSummary product,
            List<ChargeEntry> productRatePlanCharges) {

        static RatePlan from(Offer offer) {
            SuiteProduct sp = offer.suiteProduct();
            return new RatePlan(sp.description(), date(sp.effectiveEndDate()), date(sp.effectiveStartDate()),
                    sp.featureList(), sp.highlight(), sp.id(), sp.name(), ProductSummary.from(offer.product()),
                    offer.ratePlan().charges().stream().map(ChargeEntry::from).toList());
        }
    }

    record ProductSummary(String description, String effectiveEndDate, String effectiveStartDate, String name,
            String sku) {
        static ProductSummary from(Product p) {
            return new ProductSummary(p.description(), date(p.effectiveEndDate()), date(p.effectiveStartDate()),
                    p.name(), p.sku());
        }
    }

    /**
     * A rate plan charge. Extension: {@code min_quantity} and {@code max_quantity}, the quantities
     * the charge may be bought in (the preview and the checkout refuse others with
     * {@code quantity_out_of_range}); {@code null} where there is no limit.
     */
    record ChargeEntry(
            String billingPeriod,
            String billingTiming,
            String chargeModel,
            String chargeType,
            BigDecimal defaultQuantity,
            BigDecimal minQuantity,
            BigDecimal maxQuantity,
            String description,
            long id,
            String name,
            List<TierEntry> productRatePlanChargeTiers,
            String taxMode,
            @JsonProperty("is_taxable") boolean isTaxable,
            String uom) {

        static ChargeEntry from(Charge c) {
            return new ChargeEntry(wire(c.billingPeriod()), wire(c.billingTiming()), c.model().wireName(),
                    c.type().wireName(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(), c.description(), c.id(),
                    c.name(), c.tiers().stream().map(TierEntry::from).toList(), c.taxMode().wireName(), c.taxable(),
                    c.uom());
        }
    }

    /** Units are strings in the seed; {@code ending_unit} is null for the open-ended last tier. */
    record TierEntry(
            String currency,
            String endingUnit,
            @JsonProperty("is_overage_price") boolean isOveragePrice,
            BigDecimal price,
            String priceFormat,
            String startingUnit) {

        static TierEntry from(Tier t) {
            return new TierEntry(t.currency().getCode(),
                    t.endingUnit() == null ? null : t.endingUnit().toPlainString(), t.overagePrice(), t.price(),
                    t.priceFormat().wireName(), t.startingUnit().toPlainString());
        }
    }

    private static String wire(WireNamed value) {
        return value == null ? null : value.wireName();
    }
}
