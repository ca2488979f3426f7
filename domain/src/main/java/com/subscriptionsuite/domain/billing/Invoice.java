package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A posted invoice (or credit note, when its total is negative) of an account. Amounts are sums of
 * the rounded lines, so they always add up. {@code taxRate} and {@code taxNote} record the tax
 * decision the lines were taxed by (the note says why, e.g. reverse charge). {@code paid} is what
 * was collected against it; the balance is the rest.
 */
public record Invoice(
        String id,
        long tenantId,
        String accountId,
        String number,
        LocalDate invoiceDate,
        LocalDate dueDate,
        CurrencyUnit currency,
        InvoiceParty seller,
        InvoiceParty billTo,
        BigDecimal taxRate,
        String taxNote,
        List<InvoiceLine> lines,
        Money paid,
        Instant createdAt) {

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(billTo, "billTo");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(taxNote, "taxNote");
        lines = List.copyOf(lines);
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(createdAt, "createdAt");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        for (InvoiceLine line : lines) {
            if (!line.amounts().currency().equals(currency)) {
                throw new IllegalArgumentException("line in " + line.amounts().currency() + " on an invoice in " + currency);
            }
        }
    }

    /** Product decision: an invoice is due this many days after its invoice date. */
    public static final int PAYMENT_TERM_DAYS = 14;

    /**
     * A new unpaid invoice of {@code account} from the tenant, dated {@code date} and due
     * {@link #PAYMENT_TERM_DAYS} later, its lines taxed by {@code tax}; the parties are fixed now
     * ({@link InvoiceParty#seller}, {@link InvoiceParty#billTo}). The id and number come from the caller.
     */
    public static Invoice raise(String id, String number, Tenant tenant, BillingAccount account, LocalDate date,
            TaxDecision tax, List<InvoiceLine> lines, Instant now) {
        return new Invoice(id, tenant.id(), account.id(), number, date, date.plusDays(PAYMENT_TERM_DAYS),
                account.currency(), InvoiceParty.seller(tenant), InvoiceParty.billTo(account.details()), tax.rate(),
                tax.explanation(), lines, Money.zero(account.currency()), now);
    }

    /** netto, tax and brutto of the whole invoice: the sums of its lines. */
    public TaxSplit total() {
        TaxSplit sum = TaxSplit.zero(currency);
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.amounts());
        }
        return sum;
    }

    public Money balance() {
        return total().brutto().minus(paid);
    }
}
