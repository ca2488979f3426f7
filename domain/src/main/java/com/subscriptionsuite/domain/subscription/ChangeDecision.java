package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.QuantityLimits;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Whether a subscription change is allowed and when it takes effect (domain-rules §5), as a pure
 * function of the request, the request date, the suite product's rules, the subscription's calendar
 * and the tenant's customer-center settings. Preview and booking call it with the same inputs (the
 * request date pinned), so they agree.
 *
 * <p>Checks, in this order; the first failure is the answer:
 * <ol>
 * <li>what the request is: a replace needs one of the product's change options
 * ({@code change_option_not_found}); a quantity change needs a new quantity of at least 1
 * ({@code quantity_out_of_range}) that differs from the current one ({@code quantity_unchanged}) on a
 * product that allows different quantities ({@code quantity_fixed}); more is a quantity upgrade, less
 * a quantity downgrade;</li>
 * <li>the behaviour of that change: 0 refuses ({@code change_not_allowed}), 2 refuses
 * ({@code change_contact_us}), 1 goes on;</li>
 * <li>for a quantity change, every charge's min/max quantity ({@code quantity_out_of_range});</li>
 * <li>for a cancel with a wished date, the notice period ({@code notice_period});</li>
 * <li>the effective date from the mode: 0 the request date, 1 the end of the current billing period,
 * 2 the end of the current term. A cancel takes the earliest date allowed by both the notice period
 * ({@code request + cancel_period} days) and the mode: the end of the first billing period (or term),
 * starting with the current one, that ends on or after the notice end. The tenant's "cancel at any
 * time" replaces the cancel mode by "immediately": the notice end itself.</li>
 * </ol>
 * An evergreen subscription (or one past a non-renewing term) has no term end: "end of term" then
 * means the end of the billing period, as Kill Bill's END_OF_TERM does.
 */
public final class ChangeDecision {
    private ChangeDecision() {
    }

    public static Either<ChangeRejection, ChangeAllowance> decide(ChangeRequest request, LocalDate requestDate,
            SuiteProduct product, SubscriptionDates dates, CustomerCenterSettings settings) {
        ChangeRules rules = product.changeRules();
        return action(request, product)
                .flatMap(action -> behaviour(action, rules))
                .flatMap(action -> quantityLimits(request, action))
                .flatMap(action -> allowance(action, request, requestDate, rules, dates,
                        action == ChangeAction.CANCEL && settings.canCancelSubscriptionsAtAnyTime()));
    }

    /**
     * Whether a change of this kind is offered at all, and when it would take effect if asked for on
     * {@code requestDate}, before the customer has named the details (the quantity, the wished
     * date): the behaviour check and the effective date of {@link #decide} without the request's own
     * checks (quantity limits, notice against a wished date). A customer center shows it before the
     * customer picks a quantity; the change itself is still decided by {@link #decide}.
     */
    public static Either<ChangeRejection, ChangeAllowance> offer(ChangeAction action, LocalDate requestDate,
            SuiteProduct product, SubscriptionDates dates, CustomerCenterSettings settings) {
        ChangeRules rules = product.changeRules();
        return behaviour(action, rules).flatMap(allowed -> allowance(allowed, ChangeRequest.cancel(), requestDate,
                rules, dates, allowed == ChangeAction.CANCEL && settings.canCancelSubscriptionsAtAnyTime()));
    }

    private static Either<ChangeRejection, ChangeAction> action(ChangeRequest request, SuiteProduct product) {
        if (request instanceof ChangeRequest.Replace replace) {
            return Option.ofOptional(product.changeOptions().stream()
                            .filter(o -> o.id() == replace.changeOptionId()).findFirst())
                    .map(ChangeOption::kind).map(ChangeAction::of)
                    .toEither(() -> new ChangeRejection.ChangeOptionNotFound(product.id(), replace.changeOptionId()));
        }
        if (request instanceof ChangeRequest.ChangeQuantity q) {
            if (q.requestedQuantity() <= 0) {
                return Either.left(new ChangeRejection.QuantityOutOfRange(q.requestedQuantity(), 0, "at least 1"));
            }
            if (q.requestedQuantity() == q.currentQuantity()) {
                return Either.left(new ChangeRejection.QuantityUnchanged(q.currentQuantity()));
            }
            if (!product.differentQuantitiesAllowed()) {
                return Either.left(new ChangeRejection.QuantityFixed(product.id()));
            }
            return Either.right(q.requestedQuantity() > q.currentQuantity() ? ChangeAction.QUANTITY_UPGRADE
                    : ChangeAction.QUANTITY_DOWNGRADE);
        }
        return Either.right(ChangeAction.CANCEL);
    }

    private static Either<ChangeRejection, ChangeAction> behaviour(ChangeAction action, ChangeRules rules) {
        return switch (action.behaviour(rules)) {
            case NOT_ALLOWED -> Either.left(new ChangeRejection.NotAllowed(action));
            case CONTACT_US -> Either.left(new ChangeRejection.ContactUs(action));
            case SELF_SERVICE -> Either.right(action);
        };
    }

    private static Either<ChangeRejection, ChangeAction> quantityLimits(ChangeRequest request, ChangeAction action) {
        if (request instanceof ChangeRequest.ChangeQuantity q) {
            BigDecimal quantity = BigDecimal.valueOf(q.requestedQuantity());
            for (Charge charge : q.charges()) {
                Option<String> limit = QuantityLimits.violated(charge, quantity);
                if (limit.isDefined()) {
                    return Either.left(new ChangeRejection.QuantityOutOfRange(q.requestedQuantity(), charge.id(),
                            limit.getOrElse("")));
                }
            }
        }
        return Either.right(action);
    }

    private static Either<ChangeRejection, ChangeAllowance> allowance(ChangeAction action, ChangeRequest request,
            LocalDate requestDate, ChangeRules rules, SubscriptionDates dates, boolean cancelAtAnyTime) {
        ChangeTiming timing = cancelAtAnyTime ? ChangeTiming.IMMEDIATELY : action.timing(rules);
        int noticeDays = action == ChangeAction.CANCEL ? rules.cancelPeriodDays() : 0;
        LocalDate noticeEnd = requestDate.plusDays(noticeDays);
        Option<LocalDate> wished = request instanceof ChangeRequest.Cancel cancel ? cancel.wishedEffectiveDate()
                : Option.none();
        if (wished.exists(w -> w.isBefore(noticeEnd))) {
            return Either.left(new ChangeRejection.NoticePeriod(wished.getOrElse(noticeEnd), noticeEnd, noticeDays));
        }
        LocalDate notBefore = wished.getOrElse(noticeEnd);
        LocalDate effective = effectiveDate(timing, requestDate, notBefore, dates);
        return Either.right(new ChangeAllowance(action, timing, requestDate, noticeEnd, effective, cancelAtAnyTime));
    }

    /**
     * The first date on or after {@code notBefore} the timing allows. For the period and term ends:
     * the end of the first period (term) that ends after the request date and on or after
     * {@code notBefore}, i.e. of the one containing {@code max(request, notBefore − 1 day)}. So with
     * no notice a request on a period's first day waits for that period's end, and a notice ending
     * exactly on a period end is honoured by that period end.
     */
    static LocalDate effectiveDate(ChangeTiming timing, LocalDate requestDate, LocalDate notBefore,
            SubscriptionDates dates) {
        if (timing == ChangeTiming.IMMEDIATELY) {
            return notBefore;
        }
        LocalDate lastDayToCover = notBefore.isAfter(requestDate) ? notBefore.minusDays(1) : requestDate;
        LocalDate periodEnd = dates.billingPeriodOn(lastDayToCover).end();
        if (timing == ChangeTiming.END_OF_BILLING_PERIOD) {
            return periodEnd;
        }
        return dates.terms().termOn(lastDayToCover).map(Term::end).getOrElse(periodEnd);
    }
}
