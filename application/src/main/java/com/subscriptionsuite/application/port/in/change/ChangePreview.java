package com.subscriptionsuite.application.port.in.change;

import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.ChangeQuote;
import com.subscriptionsuite.domain.subscription.ChangeTiming;
import com.subscriptionsuite.domain.subscription.QuoteLine;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What a change does, as the customer is shown it before confirming and as it is booked.
 *
 * @param quote              the domain's quote (allowance, proration, lines, totals); preview and
 *                           booking compute equal quotes
 * @param product            the catalog product of the suite product the subscription has after the
 *                           change (the target for a replacement, the current one otherwise)
 * @param suiteProductId     the suite product after the change
 * @param quantity           the quantity after the change (the current one for a cancel or replace)
 * @param billingPeriod      the subscription's billing period ({@code Month}, {@code Specific_Months_3})
 * @param lines              the quote's lines as the invoice prints them (credits first)
 * @param currentPeriodPrice the recurring price per billing period now
 * @param newPriceFrom       the first day the new recurring price is billed for a full billing period;
 *                           null for a cancel
 * @param nextBillingDate    the start of the first billing period not invoiced yet (the next regular
 *                           invoice); null when a cancel ends the subscription before it
 * @param nextInvoice        the next invoice the customer gets: the change's own invoice (or credit
 *                           note) on the effective date when the change is prorated, else the next
 *                           regular invoice; null when none follows (a cancel before the next billing date)
 */
public record ChangePreview(
        String subscriptionUuid,
        String subscriptionNumber,
        ChangeQuote quote,
        Product product,
        long currentSuiteProductId,
        long suiteProductId,
        long currentQuantity,
        long quantity,
        CurrencyUnit currency,
        TaxDecision tax,
        String billingPeriod,
        List<ChangeLine> lines,
        TaxSplit currentPeriodPrice,
        LocalDate newPriceFrom,
        LocalDate nextBillingDate,
        NextInvoice nextInvoice) {

    public ChangePreview {
        Objects.requireNonNull(subscriptionUuid, "subscriptionUuid");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        lines = List.copyOf(lines);
        Objects.requireNonNull(currentPeriodPrice, "currentPeriodPrice");
    }

    public ChangeAction action() {
        return quote.allowance().action();
    }

    public ChangeTiming timing() {
        return quote.allowance().timing();
    }

    public LocalDate effectiveDate() {
        return quote.effectiveDate();
    }

    /** The sum of the lines: what the change invoices (negative: credits) on the effective date. */
    public TaxSplit total() {
        return quote.total();
    }

    /** The recurring price per billing period after the change (zero for a cancel). */
    public TaxSplit newPeriodPrice() {
        return quote.newPeriodPrice();
    }

    /**
     * One prorated line: a credit for the unused part of a current charge (negative) or a charge for
     * the remaining part of a new one, for the service period {@code serviceStart..serviceEnd}
     * (end exclusive), with the description the invoice prints.
     */
    public record ChangeLine(QuoteLine.Kind kind, long chargeId, String chargeName, long quantity, String description,
            LocalDate serviceStart, LocalDate serviceEnd, Money periodPrice, BigDecimal factor, TaxSplit amounts) {
        public ChangeLine {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(chargeName, "chargeName");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(serviceStart, "serviceStart");
            Objects.requireNonNull(serviceEnd, "serviceEnd");
            Objects.requireNonNull(periodPrice, "periodPrice");
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(amounts, "amounts");
        }
    }

    /**
     * The next invoice: its date and amounts; {@code ofThisChange} when it is the change's own invoice
     * (the prorated total), false for the next regular invoice (the recurring price in force on that
     * date for a full billing period).
     */
    public record NextInvoice(LocalDate date, boolean ofThisChange, TaxSplit amounts) {
        public NextInvoice {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(amounts, "amounts");
        }
    }
}
