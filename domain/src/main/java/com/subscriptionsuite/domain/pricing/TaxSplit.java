package com.subscriptionsuite.domain.pricing;

import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.money.Rounding;
import java.math.BigDecimal;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * netto, tax and brutto of one rounded line (domain-rules §1), the one place both the cart and the
 * subscription-change quote split a price into its tax parts:
 * <ul>
 * <li>tax-exclusive price: {@code tax = round(netto × rate)}, {@code brutto = netto + tax};</li>
 * <li>tax-inclusive price: {@code brutto = price}, {@code tax = round(brutto × rate / (1 + rate))},
 * {@code netto = brutto − tax}.</li>
 * </ul>
 * Sums of splits ({@link #plus}) are sums of rounded lines, so {@code netto + tax = brutto} holds at
 * every level.
 */
public record TaxSplit(Money netto, Money tax, Money brutto) {

    public TaxSplit {
        Objects.requireNonNull(netto, "netto");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(brutto, "brutto");
    }

    /** Splits a rounded line price given in its tax mode at {@code rate} (a fraction, 0.19). */
    public static TaxSplit of(Money price, TaxMode mode, BigDecimal rate) {
        CurrencyUnit currency = price.getCurrencyUnit();
        if (mode == TaxMode.TAX_EXCLUSIVE) {
            Money tax = Rounding.line(currency, price.getAmount().multiply(rate));
            return new TaxSplit(price, tax, price.plus(tax));
        }
        BigDecimal exactTax = price.getAmount().multiply(rate)
                .divide(BigDecimal.ONE.add(rate), Rounding.FACTOR_SCALE + 3, Rounding.MODE);
        Money tax = Rounding.line(currency, exactTax);
        return new TaxSplit(price.minus(tax), tax, price);
    }

    public static TaxSplit zero(CurrencyUnit currency) {
        Money z = Money.zero(currency);
        return new TaxSplit(z, z, z);
    }

    public TaxSplit plus(TaxSplit other) {
        return new TaxSplit(netto.plus(other.netto), tax.plus(other.tax), brutto.plus(other.brutto));
    }

    /** The same amounts with the opposite sign (a credit of this split). */
    public TaxSplit negated() {
        return new TaxSplit(netto.negated(), tax.negated(), brutto.negated());
    }

    public CurrencyUnit currency() {
        return netto.getCurrencyUnit();
    }
}
