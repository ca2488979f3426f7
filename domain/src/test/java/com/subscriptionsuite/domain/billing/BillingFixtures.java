package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.subscription.TermSchedule;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.TaxReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.money.CurrencyUnit;

/** Catalog charges and booked subscriptions for the billing tests. */
final class BillingFixtures {
    static final CurrencyUnit EUR = CurrencyUnit.EUR;
    static final TaxDecision DE_19 = new TaxDecision("DE", new BigDecimal("0.19"), TaxReason.DOMESTIC, "DE VAT 19%");
    static final TaxDecision NO_TAX = new TaxDecision("US", BigDecimal.ZERO, TaxReason.OUTSIDE_SCOPE, "outside");

    private BillingFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Charge charge(long id, ChargeType type, BillingPeriod period, Integer length, BillingTiming timing,
            TaxMode mode, String price) {
        return new Charge(id, null, "charge " + id, "", type,
                type == ChargeType.USAGE ? ChargeModel.PER_UNIT : ChargeModel.FLAT_FEE, period, length, timing,
                BigDecimal.ONE, null, null, "unit", mode, true, null, null,
                List.of(Tier.single(EUR, new BigDecimal(price), type == ChargeType.USAGE ? PriceFormat.PER_UNIT
                        : PriceFormat.FLAT_FEE)));
    }

    static Charge monthly(long id, String price) {
        return charge(id, ChargeType.RECURRING, BillingPeriod.MONTH, null, BillingTiming.IN_ADVANCE,
                TaxMode.TAX_EXCLUSIVE, price);
    }

    static Charge setup(long id, String price) {
        return charge(id, ChargeType.ONE_TIME, null, null, null, TaxMode.TAX_EXCLUSIVE, price);
    }

    static RatePlan plan(long id, Charge... charges) {
        return new RatePlan(id, null, 1, "plan " + id, "", null, null, List.of(charges));
    }

    static Catalog catalog(RatePlan... plans) {
        return new Catalog(List.of(), List.of(plans), List.of(), List.of());
    }

    /** A subscription of {@code plan} booked from {@code start} (its billing anchor), nothing invoiced yet. */
    static Subscription booked(RatePlan plan, LocalDate start, TermSchedule terms, long quantity) {
        AtomicInteger n = new AtomicInteger();
        List<SubscribedCharge> charges = SubscriptionCharges.book(1, List.of(plan), quantity, EUR, DE_19, start,
                new SubscriptionCharges.Ids() {
                    public String chargeId() {
                        return "c" + n.incrementAndGet();
                    }

                    public String chargeNumber() {
                        return "C-" + n.get();
                    }
                });
        return new Subscription("s1", 1, "a1", "S00000001", "uuid-1", start, start, terms, true, start, null, 1,
                Instant.parse("2023-01-01T00:00:00Z"), charges);
    }

    static Subscription booked(RatePlan plan, LocalDate start) {
        return booked(plan, start, TermSchedule.evergreen(start), 1);
    }

    static Subscription cancelledOn(Subscription s, LocalDate cancel) {
        return new Subscription(s.id(), s.tenantId(), s.accountId(), s.number(), s.uuid(), s.startDate(),
                s.billingAnchor(), s.terms(), s.autoRenew(), s.chargedThroughDate(), cancel, s.version() + 1,
                s.createdAt(), s.charges());
    }
}
