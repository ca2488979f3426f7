package com.subscriptionsuite.domain.pricing;

import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * netto / tax / brutto of a line or a total, with the values before discount. Every total is the
 * sum of rounded lines, so {@code netto + tax = brutto} holds at every level.
 */
public record Amounts(Money netto, Money tax, Money brutto, Money originalNetto, Money originalTax,
        Money originalBrutto) {

    public Amounts {
        Objects.requireNonNull(netto, "netto");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(brutto, "brutto");
        Objects.requireNonNull(originalNetto, "originalNetto");
        Objects.requireNonNull(originalTax, "originalTax");
        Objects.requireNonNull(originalBrutto, "originalBrutto");
    }

    public static Amounts zero(CurrencyUnit currency) {
        Money z = Money.zero(currency);
        return new Amounts(z, z, z, z, z, z);
    }

    public Amounts plus(Amounts other) {
        return new Amounts(netto.plus(other.netto), tax.plus(other.tax), brutto.plus(other.brutto),
                originalNetto.plus(other.originalNetto), originalTax.plus(other.originalTax),
                originalBrutto.plus(other.originalBrutto));
    }

    /** True when a discount changed any of the amounts. */
    public boolean discounted() {
        return !netto.isEqual(originalNetto) || !brutto.isEqual(originalBrutto);
    }

    public CurrencyUnit currency() {
        return netto.getCurrencyUnit();
    }
}
