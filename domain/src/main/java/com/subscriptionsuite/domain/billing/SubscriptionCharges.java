package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.pricing.Amounts;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.CartPricing;
import com.subscriptionsuite.domain.pricing.ChargePrice;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.RatePlanPrice;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.PeriodCharge;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Books a suite product's charges into subscription charge segments, priced by the same
 * {@link CartPricing} the preview uses, so the booked price is the price the customer was shown.
 * Pure: ids come from the caller.
 */
public final class SubscriptionCharges {
    private SubscriptionCharges() {
    }

    /** Where the ids and numbers of new charge segments come from (the caller makes them). */
    public interface Ids {
        /** A new unique charge id. */
        String chargeId();

        /** A new charge number (C-00000001), unique in the tenant. */
        String chargeNumber();
    }

    /**
     * New first segments for every charge of {@code ratePlans} (the suite product's plan and, if any,
     * a voucher's discount plan) at {@code quantity}, from {@code from}: each priced for one full
     * billing period, discounts folded in, in the charge's tax mode.
     */
    public static List<SubscribedCharge> book(long suiteProductId, List<RatePlan> ratePlans, long quantity,
            CurrencyUnit currency, TaxDecision tax, LocalDate from, Ids ids) {
        return segments(suiteProductId, ratePlans, quantity, currency, tax, from, ids, Map.of());
    }

    /**
     * New segments that continue existing charges: a charge whose catalog id is among
     * {@code continuing} (catalog charge id → its current segment) keeps its original id and number and
     * takes the next segment number; others start as new charges. Used by quantity changes, where the
     * same charges go on at another quantity.
     */
    public static List<SubscribedCharge> continueAt(long suiteProductId, List<RatePlan> ratePlans, long quantity,
            CurrencyUnit currency, TaxDecision tax, LocalDate from, Ids ids, List<SubscribedCharge> continuing) {
        Map<Long, SubscribedCharge> byCatalogId = new HashMap<>();
        for (SubscribedCharge c : continuing) {
            byCatalogId.put(c.chargeId(), c);
        }
        return segments(suiteProductId, ratePlans, quantity, currency, tax, from, ids, byCatalogId);
    }

    private static List<SubscribedCharge> segments(long suiteProductId, List<RatePlan> ratePlans, long quantity,
            CurrencyUnit currency, TaxDecision tax, LocalDate from, Ids ids, Map<Long, SubscribedCharge> continuing) {
        PricePreview priced = CartPricing.price(List.of(new CartLine(suiteProductId, quantity, 0, ratePlans)),
                currency, tax);
        Map<Long, ChargePrice> prices = new HashMap<>();
        for (RatePlanPrice plan : priced.suiteProducts().get(0).ratePlans()) {
            for (ChargePrice charge : plan.charges()) {
                prices.put(charge.id(), charge);
            }
        }
        List<SubscribedCharge> out = new ArrayList<>();
        for (RatePlan plan : ratePlans) {
            for (Charge charge : plan.charges()) {
                ChargePrice price = prices.get(charge.id());
                Amounts amounts = price.amounts();
                boolean inclusive = charge.taxMode() == TaxMode.TAX_INCLUSIVE;
                Money booked = inclusive ? amounts.brutto() : amounts.netto();
                Money list = inclusive ? amounts.originalBrutto() : amounts.originalNetto();
                SubscribedCharge previous = continuing.get(charge.id());
                String id = ids.chargeId();
                out.add(new SubscribedCharge(id, previous == null ? id : previous.originalId(),
                        previous == null ? ids.chargeNumber() : previous.number(),
                        previous == null ? 1 : previous.segment() + 1, suiteProductId, plan.id(), charge.id(),
                        charge.name(), charge.type(), charge.model().wireName(), charge.billingPeriod(),
                        charge.specificBillingPeriod(), charge.taxMode(), charge.taxable(), charge.model().isDiscount(),
                        quantity, booked, list, price.usage() ? price.unitPrice().getAmount() : null, from, null));
            }
        }
        return out;
    }

    /** The booked recurring charges as the change quote takes them (discount and usage charges left out). */
    public static List<PeriodCharge> recurring(List<SubscribedCharge> charges) {
        return charges.stream()
                .filter(SubscribedCharge::pricedRecurring)
                .map(c -> new PeriodCharge(c.chargeId(), c.periodPrice(), c.taxMode(), c.taxable()))
                .toList();
    }

    /** netto/tax/brutto of one booked price at the decision's rate (0 for a non-taxable charge). */
    public static TaxSplit split(SubscribedCharge charge, TaxDecision tax) {
        return TaxSplit.of(charge.periodPrice(), charge.taxMode(),
                charge.taxable() ? tax.rate() : java.math.BigDecimal.ZERO);
    }
}
