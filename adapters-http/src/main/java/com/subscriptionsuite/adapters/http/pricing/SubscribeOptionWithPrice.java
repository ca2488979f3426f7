package com.subscriptionsuite.adapters.http.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.subscriptionsuite.domain.pricing.Amounts;
import com.subscriptionsuite.domain.pricing.ChargePrice;
import com.subscriptionsuite.domain.pricing.PeriodPrice;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.RatePlanPrice;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import com.subscriptionsuite.domain.tax.TaxDecision;
import java.math.BigDecimal;
import java.util.List;

/**
 * The seed's SubscribeOptionWithPrice, one per suite product of the cart, with two extensions:
 * {@code currency} (ISO code) and {@code tax} (the VAT decision), and on usage charges
 * {@code is_usage} and {@code unit_price}. Amounts are the {@code Money} amounts at the currency's
 * scale, written plainly.
 */
record SubscribeOptionWithPrice(
        long id,
        long quantity,
        int orderPos,
        List<PeriodEntry> prices,
        List<RatePlanEntry> ratePlans,
        String currency,
        TaxEntry tax) {

    static List<SubscribeOptionWithPrice> from(PricePreview preview) {
        String currency = preview.currency().getCode();
        TaxEntry tax = TaxEntry.from(preview.tax());
        return preview.suiteProducts().stream().map(sp -> from(sp, currency, tax)).toList();
    }

    private static SubscribeOptionWithPrice from(SuiteProductPrice sp, String currency, TaxEntry tax) {
        return new SubscribeOptionWithPrice(sp.id(), sp.quantity(), sp.orderPos(), PeriodEntry.from(sp.prices()),
                sp.ratePlans().stream().map(RatePlanEntry::from).toList(), currency, tax);
    }

    /** The amounts of one billing period. */
    record PeriodEntry(
            String billingPeriod,
            @JsonProperty("is_discounted") boolean isDiscounted,
            BigDecimal netto,
            BigDecimal tax,
            BigDecimal brutto,
            BigDecimal originalNetto,
            BigDecimal originalTax,
            BigDecimal originalBrutto) {

        static List<PeriodEntry> from(List<PeriodPrice> prices) {
            return prices.stream().map(PeriodEntry::from).toList();
        }

        static PeriodEntry from(PeriodPrice p) {
            Amounts a = p.amounts();
            return new PeriodEntry(p.billingPeriod(), a.discounted(), a.netto().getAmount(), a.tax().getAmount(),
                    a.brutto().getAmount(), a.originalNetto().getAmount(), a.originalTax().getAmount(),
                    a.originalBrutto().getAmount());
        }
    }

    record RatePlanEntry(long id, long quantity, List<PeriodEntry> prices, List<ChargeEntry> charges) {
        static RatePlanEntry from(RatePlanPrice rp) {
            return new RatePlanEntry(rp.id(), rp.quantity(), PeriodEntry.from(rp.prices()),
                    rp.charges().stream().map(ChargeEntry::from).toList());
        }
    }

    /** A charge line; usage charges add {@code is_usage: true} and their {@code unit_price} (extension). */
    record ChargeEntry(
            long id,
            BigDecimal quantity,
            String billingPeriod,
            ChargeAmounts prices,
            @JsonProperty("is_usage") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean isUsage,
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal unitPrice) {

        static ChargeEntry from(ChargePrice c) {
            boolean usage = c.usage();
            return new ChargeEntry(c.id(), c.quantity(), c.billingPeriod(), ChargeAmounts.from(c.amounts()),
                    usage ? Boolean.TRUE : null,
                    usage && c.unitPrice() != null ? c.unitPrice().getAmount() : null);
        }
    }

    /** A charge's amounts: as a period entry, without the period (it is on the charge). */
    record ChargeAmounts(
            @JsonProperty("is_discounted") boolean isDiscounted,
            BigDecimal netto,
            BigDecimal tax,
            BigDecimal brutto,
            BigDecimal originalNetto,
            BigDecimal originalTax,
            BigDecimal originalBrutto) {

        static ChargeAmounts from(Amounts a) {
            return new ChargeAmounts(a.discounted(), a.netto().getAmount(), a.tax().getAmount(), a.brutto().getAmount(),
                    a.originalNetto().getAmount(), a.originalTax().getAmount(), a.originalBrutto().getAmount());
        }
    }

    /**
     * The VAT decision (extension): the place-of-supply country, the rate in percent (19, 25.5, 0),
     * the reason code and an English explanation.
     */
    record TaxEntry(String country, BigDecimal rate, String reason, String explanation) {
        static TaxEntry from(TaxDecision d) {
            BigDecimal percent = d.rate().movePointRight(2).stripTrailingZeros();
            if (percent.scale() < 0) {
                percent = percent.setScale(0);
            }
            return new TaxEntry(d.taxCountry(), percent, d.reason().code(), d.explanation());
        }
    }
}
