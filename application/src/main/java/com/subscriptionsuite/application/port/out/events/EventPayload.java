package com.subscriptionsuite.application.port.out.events;

import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of a business event, one record per kind, in the seed's vocabulary (snake_case on the
 * wire: {@code subscription_uuid}, {@code suite_product_id}, {@code netto} ...). Amounts are decimal
 * strings with their currency, never floating point. The persistence adapter writes them as JSON
 * (docs/events.md has an example of each).
 */
public sealed interface EventPayload {
    /** Whether this payload is the one of {@code type}. */
    boolean fits(EventType type);

    /** Netto, tax and brutto of an amount, as decimal strings, with the currency's ISO code. */
    record Amounts(String netto, String tax, String brutto, String currency) {
        public static Amounts of(TaxSplit split) {
            return new Amounts(split.netto().getAmount().toPlainString(), split.tax().getAmount().toPlainString(),
                    split.brutto().getAmount().toPlainString(), split.currency().getCode());
        }

        public static Amounts sum(List<Amounts> parts, String currency) {
            BigDecimal n = BigDecimal.ZERO;
            BigDecimal t = BigDecimal.ZERO;
            BigDecimal b = BigDecimal.ZERO;
            for (Amounts a : parts) {
                n = n.add(new BigDecimal(a.netto()));
                t = t.add(new BigDecimal(a.tax()));
                b = b.add(new BigDecimal(a.brutto()));
            }
            return new Amounts(n.toPlainString(), t.toPlainString(), b.toPlainString(), currency);
        }
    }

    /**
     * One rate plan charge of a subscription as booked (a revenue line): the catalog's rate plan and
     * charge, its quantity, the price of one billing period ({@code tax_mode} says whether it is net or
     * gross), and the dates it is in force (end exclusive, null while open-ended).
     */
    record ChargeLine(String chargeId, String chargeNumber, long suiteProductId, long ratePlanId,
            long productRatePlanChargeId, String name, String type, String model, String billingPeriod,
            String taxMode, boolean discount, long quantity, String periodPrice, String listPrice, String currency,
            LocalDate effectiveStartDate, LocalDate effectiveEndDate) {
        public static ChargeLine of(SubscribedCharge c) {
            String period = c.billingPeriod() == null ? null : c.billingPeriod().wireName()
                    + (c.billingPeriod().needsLength() && c.specificBillingPeriod() != null
                            ? "_" + c.specificBillingPeriod() : "");
            return new ChargeLine(c.id(), c.number(), c.suiteProductId(), c.ratePlanId(), c.chargeId(), c.name(),
                    c.type().wireName(), c.model(), period, c.taxMode().wireName(), c.discount(), c.quantity(),
                    c.periodPrice().getAmount().toPlainString(),
                    c.listPrice().getAmount().toPlainString(), c.periodPrice().getCurrencyUnit().getCode(),
                    c.effectiveStart(), c.effectiveEnd());
        }
    }

    /** One invoice line: subscription, charge, service period (end exclusive) and amounts. */
    record InvoiceLineItem(String subscriptionNumber, long productRatePlanChargeId, String description,
            LocalDate serviceStartDate, LocalDate serviceEndDate, Amounts amounts) {
        public static InvoiceLineItem of(InvoiceLine l) {
            return new InvoiceLineItem(l.subscriptionNumber(), l.chargeId(), l.description(), l.serviceStart(),
                    l.serviceEnd(), Amounts.of(l.amounts()));
        }
    }

    /** account.opened */
    record AccountOpened(String accountId, String accountNumber, long userId, String currency,
            String taxCountry, String paymentMethodId) implements EventPayload {
        @Override
        public boolean fits(EventType type) {
            return type == EventType.ACCOUNT_OPENED;
        }
    }

    /** subscription.created: one per subscribed suite product, with its charges as booked. */
    record SubscriptionCreated(String accountId, long userId, String subscriptionId, String subscriptionNumber,
            String uuid, long suiteProductId, long quantity, String currency, LocalDate startDate,
            LocalDate chargedThroughDate, List<ChargeLine> charges, String invoiceId, String invoiceNumber)
            implements EventPayload {
        public SubscriptionCreated {
            charges = List.copyOf(charges);
        }

        @Override
        public boolean fits(EventType type) {
            return type == EventType.SUBSCRIPTION_CREATED;
        }
    }

    /**
     * subscription.quantity_changed, .upgraded, .downgraded and .cancel_booked: the amendment, the
     * suite product and quantity before and after, the effective date, the charge segments that start
     * then (ids as the billing system gave them are not known to the engine: {@code unassigned}, the
     * continued charge's id otherwise), the invoice (or credit) lines raised at once, and its invoice.
     */
    record SubscriptionChanged(String accountId, long userId, String subscriptionId, String subscriptionNumber,
            String uuid, String amendmentId, int version, String action, long suiteProductIdBefore,
            long suiteProductId, long quantityBefore, long quantity, String currency, LocalDate requestDate,
            LocalDate effectiveDate, List<ChargeLine> newCharges, List<InvoiceLineItem> invoiceLines,
            Amounts invoiceTotal, String invoiceId, String invoiceNumber) implements EventPayload {
        public SubscriptionChanged {
            newCharges = List.copyOf(newCharges);
            invoiceLines = List.copyOf(invoiceLines);
        }

        @Override
        public boolean fits(EventType type) {
            return type == EventType.SUBSCRIPTION_QUANTITY_CHANGED || type == EventType.SUBSCRIPTION_UPGRADED
                    || type == EventType.SUBSCRIPTION_DOWNGRADED || type == EventType.SUBSCRIPTION_CANCEL_BOOKED;
        }
    }

    /** subscription.cancelled: emitted once the booked cancel's effective date is reached. */
    record SubscriptionCancelled(String accountId, long userId, String subscriptionId,
            String subscriptionNumber, String uuid, long suiteProductId, LocalDate effectiveDate,
            String cancelBookedEventId) implements EventPayload {
        @Override
        public boolean fits(EventType type) {
            return type == EventType.SUBSCRIPTION_CANCELLED;
        }
    }

    /**
     * subscription.change_withdrawn: the change ({@code withdrawnKind}: {@code cancel}, {@code quantity}
     * or {@code replace}) booked for {@code withdrawnEffectiveDate} was withdrawn before it took effect;
     * the subscription goes on with {@code suiteProductId} and {@code quantity}. {@code withdrawalId}
     * is the billing system's (the ledger's amendment, Zuora's deleted order).
     */
    record ChangeWithdrawn(String accountId, long userId, String subscriptionId, String subscriptionNumber,
            String uuid, String withdrawalId, int version, String withdrawnKind, LocalDate withdrawnEffectiveDate,
            long withdrawnSuiteProductId, long withdrawnQuantity, long suiteProductId, long quantity,
            String currency, LocalDate requestDate) implements EventPayload {
        @Override
        public boolean fits(EventType type) {
            return type == EventType.SUBSCRIPTION_CHANGE_WITHDRAWN;
        }
    }

    /** invoice.raised: by a checkout, a change or the built-in ledger's bill run. */
    record InvoiceRaised(String accountId, String invoiceId, String invoiceNumber, LocalDate invoiceDate,
            LocalDate dueDate, String currency, String taxRate, String taxNote, List<InvoiceLineItem> lines,
            Amounts total, String raisedBy) implements EventPayload {
        public InvoiceRaised {
            lines = List.copyOf(lines);
        }

        /** The invoice as raised; {@code raisedBy} is {@code checkout}, {@code change} or {@code bill_run}. */
        public static InvoiceRaised of(Invoice invoice, String raisedBy) {
            List<InvoiceLineItem> items = invoice.lines().stream().map(InvoiceLineItem::of).toList();
            String currency = invoice.currency().getCode();
            return new InvoiceRaised(invoice.accountId(), invoice.id(), invoice.number(), invoice.invoiceDate(),
                    invoice.dueDate(), currency, invoice.taxRate().toPlainString(), invoice.taxNote(), items,
                    Amounts.sum(items.stream().map(InvoiceLineItem::amounts).toList(), currency), raisedBy);
        }

        @Override
        public boolean fits(EventType type) {
            return type == EventType.INVOICE_RAISED;
        }
    }

    /** payment_method.changed: the account's default payment method, masked as the engine keeps it. */
    record PaymentMethodChanged(String accountId, long userId, String paymentMethodId, String type,
            Map<String, String> data) implements EventPayload {
        public PaymentMethodChanged {
            data = Map.copyOf(data);
        }

        @Override
        public boolean fits(EventType type) {
            return type == EventType.PAYMENT_METHOD_CHANGED;
        }
    }

    /**
     * quote.accepted: a quote confirmed by its customer, written by the quote service in the unit that
     * commits the booking. The quote is named by its number and the SHA-256 of its link (the link itself
     * is a credential and goes nowhere).
     */
    record QuoteAccepted(String quoteLinkHash, String quoteNumber, String accountId, long userId,
            List<String> subscriptionIds, List<String> subscriptionNumbers, String currency, Amounts total)
            implements EventPayload {
        public QuoteAccepted {
            Objects.requireNonNull(quoteLinkHash, "quoteLinkHash");
            subscriptionIds = List.copyOf(subscriptionIds);
            subscriptionNumbers = List.copyOf(subscriptionNumbers);
        }

        @Override
        public boolean fits(EventType type) {
            return type == EventType.QUOTE_ACCEPTED;
        }
    }
}
