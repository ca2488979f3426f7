package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * The money of an allowed change (domain-rules §4), the same for preview and booking:
 * <ul>
 * <li>{@link Prorated} (mode 0 / "cancel at any time"): per old charge a credit line for its unused
 * part, per new charge a charge line for its remaining part, both over the billing period that
 * contains the effective date; the total is what the change invoices on the effective date, and the
 * new price is billed in full from {@link #nextBillingDate()} (the period's end);</li>
 * <li>{@link Scheduled} (end of billing period or term): no lines, nothing to invoice now; the new
 * price is billed from the effective date.</li>
 * </ul>
 * Every line is rounded once and split into netto/tax/brutto by {@link TaxSplit} at the decision's
 * rate (0 for non-taxable charges); totals and the new period price are sums of rounded lines. A
 * cancel has no new charges: its new period price is zero.
 */
public sealed interface ChangeQuote {

    ChangeAllowance allowance();

    /** Prorated lines, credits first; empty for a scheduled change. */
    List<QuoteLine> lines();

    /** Sum of the lines: what the change itself invoices on the effective date (negative: a credit). */
    TaxSplit total();

    /** The new recurring price per billing period: the sum of the new charges' full-period lines. */
    TaxSplit newPeriodPrice();

    /** The first day the new price is billed for a full billing period. */
    LocalDate nextBillingDate();

    default LocalDate effectiveDate() {
        return allowance().effectiveDate();
    }

    record Prorated(ChangeAllowance allowance, Proration proration, List<QuoteLine> lines, TaxSplit total,
            TaxSplit newPeriodPrice) implements ChangeQuote {
        public Prorated {
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(proration, "proration");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(newPeriodPrice, "newPeriodPrice");
            lines = List.copyOf(lines);
        }

        public BigDecimal factor() {
            return proration.factor();
        }

        @Override
        public LocalDate nextBillingDate() {
            return proration.period().end();
        }
    }

    record Scheduled(ChangeAllowance allowance, TaxSplit newPeriodPrice) implements ChangeQuote {
        public Scheduled {
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(newPeriodPrice, "newPeriodPrice");
        }

        @Override
        public List<QuoteLine> lines() {
            return List.of();
        }

        @Override
        public TaxSplit total() {
            return TaxSplit.zero(newPeriodPrice.currency());
        }

        @Override
        public LocalDate nextBillingDate() {
            return allowance.effectiveDate();
        }
    }

    /**
     * Quotes an allowed change.
     *
     * @param current the subscription's recurring charges now, priced per full billing period
     * @param next    the recurring charges after the change (new quantity or new suite product), priced
     *                the same way; empty for a cancel
     * @throws IllegalArgumentException when a price is not in {@code currency} or a cancel has new
     *                                  charges
     */
    static ChangeQuote quote(ChangeAllowance allowance, SubscriptionDates dates, List<PeriodCharge> current,
            List<PeriodCharge> next, TaxDecision tax, CurrencyUnit currency) {
        checkCurrency(current, currency);
        checkCurrency(next, currency);
        if (allowance.action() == ChangeAction.CANCEL && !next.isEmpty()) {
            throw new IllegalArgumentException("a cancel has no new charges");
        }
        TaxSplit newPeriodPrice = TaxSplit.zero(currency);
        for (PeriodCharge c : next) {
            newPeriodPrice = newPeriodPrice.plus(TaxSplit.of(c.periodPrice(), c.taxMode(), rate(c, tax)));
        }
        if (!allowance.prorated()) {
            return new Scheduled(allowance, newPeriodPrice);
        }
        Proration proration = Proration.on(dates.billing(), allowance.effectiveDate());
        List<QuoteLine> lines = new ArrayList<>(current.size() + next.size());
        TaxSplit total = TaxSplit.zero(currency);
        for (PeriodCharge c : current) {
            TaxSplit credit = TaxSplit.of(proration.charge(c.periodPrice()), c.taxMode(), rate(c, tax)).negated();
            lines.add(new QuoteLine(QuoteLine.Kind.CREDIT, c.chargeId(), c.periodPrice(), proration.factor(), credit));
            total = total.plus(credit);
        }
        for (PeriodCharge c : next) {
            TaxSplit charge = TaxSplit.of(proration.charge(c.periodPrice()), c.taxMode(), rate(c, tax));
            lines.add(new QuoteLine(QuoteLine.Kind.CHARGE, c.chargeId(), c.periodPrice(), proration.factor(), charge));
            total = total.plus(charge);
        }
        return new Prorated(allowance, proration, lines, total, newPeriodPrice);
    }

    private static BigDecimal rate(PeriodCharge charge, TaxDecision tax) {
        return charge.taxable() ? tax.rate() : BigDecimal.ZERO;
    }

    private static void checkCurrency(List<PeriodCharge> charges, CurrencyUnit currency) {
        for (PeriodCharge c : charges) {
            if (!c.periodPrice().getCurrencyUnit().equals(currency)) {
                throw new IllegalArgumentException("charge " + c.chargeId() + " is priced in "
                        + c.periodPrice().getCurrencyUnit() + ", not " + currency);
            }
        }
    }
}
