package com.subscriptionsuite.domain.tax;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The outcome of {@link VatDetermination#decide}: which country's VAT applies, at which rate (a
 * fraction such as {@code 0.19}; zero when no VAT is charged), why, and an English sentence saying so.
 *
 * <p>{@code taxCountry} is the ISO code of the place of supply: the seller's country for
 * {@link TaxReason#DOMESTIC} and {@link TaxReason#SELLER_RATE_BELOW_THRESHOLD}, otherwise the
 * customer's country (also for the zero-rated reasons).
 */
public record TaxDecision(String taxCountry, BigDecimal rate, TaxReason reason, String explanation) {

    public TaxDecision {
        Objects.requireNonNull(taxCountry, "taxCountry");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Equal when all parts are equal, the rate compared by value ({@code 0.2} equals {@code 0.20}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TaxDecision that
                && taxCountry.equals(that.taxCountry)
                && rate.compareTo(that.rate) == 0
                && reason == that.reason
                && explanation.equals(that.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taxCountry, rate.stripTrailingZeros(), reason, explanation);
    }
}
