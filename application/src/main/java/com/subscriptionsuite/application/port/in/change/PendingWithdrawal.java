package com.subscriptionsuite.application.port.in.change;

import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * A withdrawal of a pending change, as previewed and as booked.
 *
 * @param kind              what is pending: {@code cancel}, {@code quantity} (a quantity change) or
 *                          {@code replace} (an upgrade or downgrade to another suite product)
 * @param effectiveDate     the day the pending change would take effect (after today)
 * @param pendingSuiteProductId the suite product the pending change moves to (the current one for a
 *                          cancel or quantity change)
 * @param pendingQuantity   the quantity the pending change sets (the current one for a cancel)
 * @param pendingPeriodPrice the recurring price per billing period the pending change sets (zero for a cancel)
 * @param suiteProductId    the suite product after the withdrawal (the current one)
 * @param quantity          the quantity after the withdrawal (the current one)
 * @param periodPrice       the recurring price per billing period after the withdrawal (the current one)
 * @param nextBillingDate   the start of the first billing period not invoiced yet
 * @param nextInvoice       the next regular invoice after the withdrawal: on {@code nextBillingDate},
 *                          the current price for a full billing period
 */
public record PendingWithdrawal(String subscriptionUuid, String subscriptionNumber, String kind,
        LocalDate requestDate, LocalDate effectiveDate, long pendingSuiteProductId, long pendingQuantity,
        TaxSplit pendingPeriodPrice, long suiteProductId, long quantity, TaxSplit periodPrice, CurrencyUnit currency,
        TaxDecision tax, LocalDate nextBillingDate, ChangePreview.NextInvoice nextInvoice) {
    public PendingWithdrawal {
        Objects.requireNonNull(subscriptionUuid, "subscriptionUuid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestDate, "requestDate");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(pendingPeriodPrice, "pendingPeriodPrice");
        Objects.requireNonNull(periodPrice, "periodPrice");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(nextBillingDate, "nextBillingDate");
        Objects.requireNonNull(nextInvoice, "nextInvoice");
    }
}
