package com.subscriptionsuite.adapters.http.change;

import com.subscriptionsuite.application.port.in.change.AppliedChange;
import com.subscriptionsuite.application.port.in.change.ChangePreview;
import com.subscriptionsuite.application.port.in.change.ChangePreview.ChangeLine;
import com.subscriptionsuite.application.port.in.change.ChangePreview.NextInvoice;
import com.subscriptionsuite.application.port.in.change.QuantityOptions;
import com.subscriptionsuite.application.port.in.change.QuantityOptions.ChangeOffer;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeQuote;
import com.subscriptionsuite.domain.subscription.Proration;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The answers of the change operations. The seed documents the Product schema for them; every answer
 * keeps Product's fields (of the catalog product the subscription has after the change) and adds
 * (extension) a {@code preview} object with the money, and after a booked change a {@code booking}
 * object with the amendment's and the invoice's ids. Amounts are the {@code Money} amounts at the
 * currency's scale, written plainly; dates are {@code YYYY-MM-DD}.
 */
final class ChangeResponses {
    private ChangeResponses() {
    }

    /** A previewed change: Product's fields and {@code preview}. */
    record PreviewedProduct(long id, String zuoraId, String name, String description, String featureList,
            String highlight, String effectiveStartDate, String effectiveEndDate, String sku, String updatedDate,
            long tenantId, PreviewEntry preview) {

        static PreviewedProduct from(ChangePreview preview, long tenantId) {
            Product p = preview.product();
            return new PreviewedProduct(p.id(), p.zuoraId(), p.name(), p.description(), p.featureList(), p.highlight(),
                    date(p.effectiveStartDate()), date(p.effectiveEndDate()), p.sku(), date(p.updatedDate()), tenantId,
                    PreviewEntry.from(preview));
        }
    }

    /** A booked change: Product's fields, {@code preview} (what was booked) and {@code booking}. */
    record ChangedProduct(long id, String zuoraId, String name, String description, String featureList,
            String highlight, String effectiveStartDate, String effectiveEndDate, String sku, String updatedDate,
            long tenantId, PreviewEntry preview, BookingEntry booking) {

        static ChangedProduct from(AppliedChange applied, long tenantId) {
            Product p = applied.change().product();
            return new ChangedProduct(p.id(), p.zuoraId(), p.name(), p.description(), p.featureList(), p.highlight(),
                    date(p.effectiveStartDate()), date(p.effectiveEndDate()), p.sku(), date(p.updatedDate()), tenantId,
                    PreviewEntry.from(applied.change()), new BookingEntry(applied.amendmentId(),
                            applied.subscriptionVersion(), applied.invoiceId(), applied.invoiceNumber()));
        }
    }

    /** The change-quantity initialisation: Product's fields and {@code preview} with the quantity options. */
    record QuantityOptionsProduct(long id, String zuoraId, String name, String description, String featureList,
            String highlight, String effectiveStartDate, String effectiveEndDate, String sku, String updatedDate,
            long tenantId, QuantityEntry preview) {

        static QuantityOptionsProduct from(QuantityOptions options, long tenantId) {
            Product p = options.product();
            return new QuantityOptionsProduct(p.id(), p.zuoraId(), p.name(), p.description(), p.featureList(),
                    p.highlight(), date(p.effectiveStartDate()), date(p.effectiveEndDate()), p.sku(),
                    date(p.updatedDate()), tenantId, QuantityEntry.from(options));
        }
    }

    record PreviewEntry(
            String subscriptionUuid,
            String subscriptionNumber,
            String action,
            String timing,
            boolean cancelAtAnyTime,
            String requestDate,
            String noticeEnd,
            String effectiveDate,
            long currentSuiteProductId,
            long suiteProductId,
            long currentQuantity,
            long quantity,
            String currency,
            TaxEntry tax,
            String billingPeriod,
            ProrationEntry proration,
            List<LineEntry> lines,
            AmountsEntry total,
            AmountsEntry currentPeriodPrice,
            AmountsEntry newPeriodPrice,
            String newPriceFrom,
            String nextBillingDate,
            NextInvoiceEntry nextInvoice) {

        static PreviewEntry from(ChangePreview p) {
            var allowance = p.quote().allowance();
            ProrationEntry proration = p.quote() instanceof ChangeQuote.Prorated prorated
                    ? ProrationEntry.from(prorated.proration()) : null;
            return new PreviewEntry(p.subscriptionUuid(), p.subscriptionNumber(), allowance.action().wireName(),
                    allowance.timing().wireName(), allowance.cancelAtAnyTime(), date(allowance.requestDate()),
                    date(allowance.noticeEnd()), date(allowance.effectiveDate()), p.currentSuiteProductId(),
                    p.suiteProductId(), p.currentQuantity(), p.quantity(), p.currency().getCode(),
                    TaxEntry.from(p.tax()), p.billingPeriod(), proration,
                    p.lines().stream().map(LineEntry::from).toList(), AmountsEntry.from(p.total()),
                    AmountsEntry.from(p.currentPeriodPrice()), AmountsEntry.from(p.newPeriodPrice()),
                    date(p.newPriceFrom()), date(p.nextBillingDate()), NextInvoiceEntry.from(p.nextInvoice()));
        }
    }

    /** The billing period a prorated change falls in, and its factor (days remaining / days, scale 9). */
    record ProrationEntry(String periodStart, String periodEnd, long remainingDays, long periodDays,
            BigDecimal factor) {
        static ProrationEntry from(Proration p) {
            return new ProrationEntry(date(p.period().start()), date(p.period().end()), p.remainingDays(),
                    p.periodDays(), p.factor());
        }
    }

    record LineEntry(String kind, long chargeId, String chargeName, long quantity, String description,
            String serviceStart, String serviceEnd, BigDecimal periodPrice, BigDecimal factor, BigDecimal netto,
            BigDecimal tax, BigDecimal brutto) {
        static LineEntry from(ChangeLine l) {
            return new LineEntry(l.kind().name().toLowerCase(Locale.ROOT), l.chargeId(), l.chargeName(), l.quantity(),
                    l.description(), date(l.serviceStart()), date(l.serviceEnd()), l.periodPrice().getAmount(),
                    l.factor(), l.amounts().netto().getAmount(), l.amounts().tax().getAmount(),
                    l.amounts().brutto().getAmount());
        }
    }

    record AmountsEntry(BigDecimal netto, BigDecimal tax, BigDecimal brutto) {
        static AmountsEntry from(TaxSplit s) {
            return new AmountsEntry(s.netto().getAmount(), s.tax().getAmount(), s.brutto().getAmount());
        }
    }

    record NextInvoiceEntry(String date, boolean ofThisChange, BigDecimal netto, BigDecimal tax, BigDecimal brutto) {
        static NextInvoiceEntry from(NextInvoice n) {
            return n == null ? null : new NextInvoiceEntry(ChangeResponses.date(n.date()), n.ofThisChange(),
                    n.amounts().netto().getAmount(), n.amounts().tax().getAmount(), n.amounts().brutto().getAmount());
        }
    }

    record BookingEntry(String amendmentId, int subscriptionVersion, String invoiceId, String invoiceNumber) {
    }

    /** The VAT decision: the place-of-supply country, the rate in percent (19, 25.5, 0), the reason code, why. */
    record TaxEntry(String country, BigDecimal rate, String reason, String explanation) {
        static TaxEntry from(TaxDecision d) {
            BigDecimal percent = d.rate().movePointRight(2).stripTrailingZeros();
            if (percent.scale() < 0) {
                percent = percent.setScale(0);
            }
            return new TaxEntry(d.taxCountry(), percent, d.reason().code(), d.explanation());
        }
    }

    record QuantityEntry(
            String subscriptionUuid,
            String subscriptionNumber,
            long suiteProductId,
            long currentQuantity,
            long minQuantity,
            Long maxQuantity,
            boolean differentQuantitiesAllowed,
            boolean hasContactUsLink,
            String currency,
            TaxEntry tax,
            String billingPeriod,
            AmountsEntry currentPeriodPrice,
            OfferEntry quantityUpgrade,
            OfferEntry quantityDowngrade) {

        static QuantityEntry from(QuantityOptions o) {
            return new QuantityEntry(o.subscriptionUuid(), o.subscriptionNumber(), o.suiteProductId(),
                    o.currentQuantity(), o.minQuantity(), o.maxQuantity(), o.differentQuantitiesAllowed(),
                    o.hasContactUsLink(), o.currency().getCode(), TaxEntry.from(o.tax()), o.billingPeriod(),
                    AmountsEntry.from(o.currentPeriodPrice()), OfferEntry.from(o.upgrade()),
                    OfferEntry.from(o.downgrade()));
        }
    }

    /** Whether a change is offered (behaviour {@code self_service}), and its timing and effective date if asked today. */
    record OfferEntry(boolean allowed, String behaviour, String timing, String effectiveDate) {
        static OfferEntry from(ChangeOffer o) {
            return new OfferEntry(o.allowed(), o.behaviour().name().toLowerCase(Locale.ROOT), o.timing().wireName(),
                    date(o.effectiveDate()));
        }
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
