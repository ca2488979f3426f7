package com.subscriptionsuite.application.service.billing;

import com.subscriptionsuite.application.port.in.account.ReadSubscriptions;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionBilling;
import com.subscriptionsuite.domain.billing.SubscriptionMetrics;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.subscription.BillingCycle;
import com.subscriptionsuite.domain.subscription.Term;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's subscriptions with the ledger's values as of today: dates from the term schedule,
 * metrics from {@link SubscriptionMetrics} (net of the account's VAT), invoiced-through dates from
 * {@link SubscriptionBilling}, names and ids from the catalog (a suite product the catalog no
 * longer has is shown by its id with everything else off).
 */
final class SubscriptionReadsService implements ReadSubscriptions {
    private final BillingContext context;

    SubscriptionReadsService(BillingContext context) {
        this.context = context;
    }

    @Override
    public Either<AccountFailure, List<SubscribedProduct>> subscriptions(long tenantId, long userId) {
        return views(tenantId, userId).map(views -> views.stream().map(v -> new SubscribedProduct(v.suiteProduct(),
                tenantId, v.subscription(), v.quantity(), v.uuid())).toList());
    }

    @Override
    public Either<AccountFailure, List<SubscriptionRatePlan>> ratePlans(long tenantId, long userId) {
        Either<AccountFailure, List<View>> views = views(tenantId, userId);
        if (views.isLeft()) {
            return Either.left(views.getLeft());
        }
        List<SubscriptionRatePlan> out = new ArrayList<>();
        for (View v : views.get()) {
            for (RatePlanView plan : v.subscription().ratePlans()) {
                out.add(new SubscriptionRatePlan(v.subscription(), plan));
            }
        }
        return Either.right(out);
    }

    private record View(SuiteProduct suiteProduct, SubscriptionView subscription, long quantity, String uuid) {
    }

    private Either<AccountFailure, List<View>> views(long tenantId, long userId) {
        LocalDate today = context.today();
        return context.operations().linkedAccount(tenantId, userId)
                .flatMap(found -> found.isEmpty() ? Either.<BillingFailure, List<View>>right(List.of())
                        : context.gateway().subscriptions(found.get().ref()).map(subscriptions -> {
                            TenantDefinition definition = context.directory().require(tenantId);
                            BillingAccount account = found.get().account();
                            TaxDecision tax = context.taxOf(definition.tenant(), account.details(), today);
                            Catalog catalog = definition.catalog();
                            return subscriptions.stream().map(s -> view(s, account, catalog, tax, today)).toList();
                        }))
                .mapLeft(AccountFailure.BillingFailed::new);
    }

    private View view(Subscription s, BillingAccount account, Catalog catalog, TaxDecision tax, LocalDate today) {
        LocalDate asOf = lastDayShown(s, today);
        List<SubscribedCharge> current = s.chargesOn(asOf);
        LocalDate latestDay = s.charges().stream().map(SubscribedCharge::effectiveStart)
                .max(Comparator.naturalOrder()).filter(d -> d.isAfter(asOf)).orElse(asOf);
        List<SubscribedCharge> latest = s.chargesOn(latestDay).isEmpty() ? current : s.chargesOn(latestDay);
        Option<Term> term = s.terms().termOn(asOf);
        boolean evergreen = term.isEmpty();
        LocalDate termStart = term.map(Term::start).getOrElse(() -> s.terms().evergreen() ? s.startDate()
                : s.startDate().plusMonths(s.terms().initialMonths()));
        SubscriptionView subscription = new SubscriptionView(s.id(), account.id(), account.number(),
                account.details().displayName(), s.number(), evergreen ? "EVERGREEN" : "TERMED", s.startDate(),
                termStart, term.map(Term::end).getOrNull(), s.terms().initialMonths(),
                term.map(Term::lengthMonths).getOrElse(0), s.terms().renewalMonths(), s.autoRenew(),
                s.terms().renewalMonths() > 0 ? "RENEW_WITH_SPECIFIC_TERM" : "RENEW_TO_EVERGREEN",
                SubscriptionMetrics.contractedMrr(s, account.currency(), tax, today),
                SubscriptionMetrics.totalContractedValue(s, account.currency(), tax, today),
                s.statusOn(today).wireName(), ratePlans(s, current, catalog, tax, today),
                ratePlans(s, latest, catalog, tax, today), currentEnd(s, term, today));
        long suiteProductId = current.stream().filter(c -> !c.discount()).findFirst()
                .or(() -> s.charges().stream().filter(c -> !c.discount()).findFirst())
                .map(SubscribedCharge::suiteProductId).orElse(0L);
        long quantity = current.stream().filter(c -> !c.discount()).findFirst().map(SubscribedCharge::quantity)
                .orElse(0L);
        return new View(catalog.suiteProduct(suiteProductId).getOrElse(() -> unknown(suiteProductId)), subscription,
                quantity, s.uuid());
    }

    /** Today; for a cancelled subscription its last day of service (so it still shows what it had). */
    private static LocalDate lastDayShown(Subscription s, LocalDate today) {
        if (s.statusOn(today) == SubscriptionStatus.ACTIVE) {
            return today.isBefore(s.startDate()) ? s.startDate() : today;
        }
        LocalDate last = s.cancelDate().minusDays(1);
        return last.isBefore(s.startDate()) ? s.startDate() : last;
    }

    /** The day the subscription runs to: a booked cancel, else the term end, else the end of the billing period. */
    private static LocalDate currentEnd(Subscription s, Option<Term> term, LocalDate today) {
        if (s.cancelDate() != null) {
            return s.cancelDate();
        }
        if (term.isDefined()) {
            return term.get().end();
        }
        LocalDate day = today.isBefore(s.billingAnchor()) ? s.billingAnchor() : today;
        return SubscriptionBilling.cycle(s, day).map(c -> periodEnd(c, day)).getOrNull();
    }

    private static LocalDate periodEnd(BillingCycle cycle, LocalDate day) {
        return cycle.periodOn(day).end();
    }

    private List<RatePlanView> ratePlans(Subscription s, List<SubscribedCharge> charges, Catalog catalog,
            TaxDecision tax, LocalDate today) {
        Map<Long, List<SubscribedCharge>> byPlan = new LinkedHashMap<>();
        for (SubscribedCharge c : charges) {
            byPlan.computeIfAbsent(c.ratePlanId(), id -> new ArrayList<>()).add(c);
        }
        List<RatePlanView> plans = new ArrayList<>();
        byPlan.forEach((ratePlanId, planCharges) -> {
            Option<RatePlan> plan = catalog.ratePlan(ratePlanId);
            Option<Product> product = plan.flatMap(p -> catalog.productIncludingDeleted(p.productId()));
            plans.add(new RatePlanView(s.id() + "-" + ratePlanId, plan.map(RatePlan::productId).getOrElse(0L),
                    product.map(Product::name).getOrElse(""), product.map(Product::sku).getOrElse(""), ratePlanId,
                    plan.map(RatePlan::name).getOrElse(""), planCharges.get(0).suiteProductId(), s.uuid(),
                    planCharges.stream().map(c -> charge(s, c, plan, catalog, tax, today)).toList()));
        });
        return plans;
    }

    private ChargeView charge(Subscription s, SubscribedCharge c, Option<RatePlan> plan, Catalog catalog,
            TaxDecision tax, LocalDate today) {
        Option<Charge> catalogCharge = plan.flatMap(p -> Option.ofOptional(p.charges().stream()
                .filter(ch -> ch.id() == c.chargeId()).findFirst()));
        BillingTiming timing = SubscriptionBilling.timing(catalog, c);
        LocalDate through = SubscriptionBilling.chargedThrough(s, c, timing).getOrNull();
        boolean done = through != null && (c.type() == ChargeType.ONE_TIME
                || (c.effectiveEnd() != null && !through.isBefore(c.effectiveEnd())));
        String shownTiming = c.type() == ChargeType.ONE_TIME ? null
                : catalogCharge.map(Charge::billingTiming).map(BillingTiming::wireName).getOrElse(timing.wireName());
        return new ChargeView(c, s.version(), shownTiming, through, done,
                SubscriptionMetrics.mrr(s, c, tax, today), SubscriptionMetrics.deltaMrr(s, c, tax, today),
                SubscriptionMetrics.tcv(s, c, tax, today), SubscriptionMetrics.deltaTcv(s, c, tax, today),
                catalogCharge.map(Charge::description).getOrElse(""));
    }

    /** A suite product the catalog no longer has: its id, with every rule off. */
    private static SuiteProduct unknown(long id) {
        return new SuiteProduct(id, 0, "Suite product " + id, null, null, null, null, null, false, false, false,
                false, false, false, null, null, 0, 0, false, 0, 0, false, null, 0, 0, null,
                new ChangeRules(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of());
    }
}
