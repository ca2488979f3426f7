package com.subscriptionsuite.domain.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of a VAT rate table: from {@code from} (inclusive) the standard rate of {@code country}
 * is {@code rate}, until the next row of the same country starts.
 *
 * @param country ISO 3166 code (GR for Greece), upper-cased here
 * @param from    first day the rate applies
 * @param rate    the rate as a fraction, {@code 0 <= rate < 1} (e.g. {@code 0.19}, {@code 0.255})
 */
public record DatedRate(String country, LocalDate from, BigDecimal rate) {

    public DatedRate {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(rate, "rate");
        country = country.strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("Country must be a two-letter ISO code, got '" + country + "'");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("Rate must be a fraction in [0, 1), got " + rate.toPlainString()
                    + " for " + country + " from " + from);
        }
    }

    /** Equal when all parts are equal, the rate compared by value ({@code 0.2} equals {@code 0.20}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatedRate that
                && country.equals(that.country)
                && from.equals(that.from)
                && rate.compareTo(that.rate) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(country, from, rate.stripTrailingZeros());
    }
}
