package com.subscriptionsuite.domain.tax;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Standard VAT rates as dated data: each country has rates with the day they start to apply.
 *
 * <p>The countries of a table are its member states ({@link #isMemberState(String)}): the built-in
 * {@link #euStandardRates()} holds the 27 EU member states; a tenant or a test may supply its own
 * table with {@link #of(List)}.
 */
public final class VatRates {

    /** First day covered by {@link #euStandardRates()}; earlier dates have no rate. */
    static final LocalDate EU_TABLE_START = LocalDate.of(2021, 1, 1);

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byCountry;

    private VatRates(Map<String, NavigableMap<LocalDate, BigDecimal>> byCountry) {
        this.byCountry = byCountry;
    }

    /**
     * A rate table from dated rows, in any order. A country's rate applies from its row's date until
     * the next row of that country; before its first row it has no rate.
     *
     * @throws IllegalArgumentException if two rows give the same country and start date
     */
    public static VatRates of(List<DatedRate> rates) {
        Objects.requireNonNull(rates, "rates");
        Map<String, NavigableMap<LocalDate, BigDecimal>> byCountry = new TreeMap<>();
        for (DatedRate row : rates) {
            Objects.requireNonNull(row, "rate row");
            NavigableMap<LocalDate, BigDecimal> history = byCountry.computeIfAbsent(row.country(), c -> new TreeMap<>());
            if (history.putIfAbsent(row.from(), row.rate()) != null) {
                throw new IllegalArgumentException(
                        "Two rates for " + row.country() + " from " + row.from() + " in the VAT rate table");
            }
        }
        Map<String, NavigableMap<LocalDate, BigDecimal>> frozen = new TreeMap<>();
        byCountry.forEach((country, history) -> frozen.put(country, Collections.unmodifiableNavigableMap(history)));
        return new VatRates(Collections.unmodifiableMap(frozen));
    }

    /**
     * The standard rates of the 27 EU member states (ISO codes, {@code GR} for Greece) from
     * 2021-01-01, with the changes since then. Checked against the history in vatnode/eu-vat-rates-data
     * (version 2026-09-23, compiled from the European Commission's TEDB); see docs/tax.md.
     */
    public static VatRates euStandardRates() {
        List<DatedRate> rows = new ArrayList<>();
        LocalDate start = EU_TABLE_START;
        rows.add(row("AT", start, "0.20"));
        rows.add(row("BE", start, "0.21"));
        rows.add(row("BG", start, "0.20"));
        rows.add(row("CY", start, "0.19"));
        rows.add(row("CZ", start, "0.21"));
        rows.add(row("DE", start, "0.19"));
        rows.add(row("DK", start, "0.25"));
        rows.add(row("EE", start, "0.20"));
        rows.add(row("EE", LocalDate.of(2024, 1, 1), "0.22"));
        rows.add(row("EE", LocalDate.of(2025, 7, 1), "0.24"));
        rows.add(row("ES", start, "0.21"));
        rows.add(row("FI", start, "0.24"));
        rows.add(row("FI", LocalDate.of(2024, 9, 1), "0.255"));
        rows.add(row("FR", start, "0.20"));
        rows.add(row("GR", start, "0.24"));
        rows.add(row("HR", start, "0.25"));
        rows.add(row("HU", start, "0.27"));
        rows.add(row("IE", start, "0.21"));
        rows.add(row("IE", LocalDate.of(2021, 3, 1), "0.23"));
        rows.add(row("IT", start, "0.22"));
        rows.add(row("LT", start, "0.21"));
        rows.add(row("LU", start, "0.17"));
        rows.add(row("LU", LocalDate.of(2023, 1, 1), "0.16"));
        rows.add(row("LU", LocalDate.of(2024, 1, 1), "0.17"));
        rows.add(row("LV", start, "0.21"));
        rows.add(row("MT", start, "0.18"));
        rows.add(row("NL", start, "0.21"));
        rows.add(row("PL", start, "0.23"));
        rows.add(row("PT", start, "0.23"));
        rows.add(row("RO", start, "0.19"));
        rows.add(row("RO", LocalDate.of(2025, 8, 1), "0.21"));
        rows.add(row("SE", start, "0.25"));
        rows.add(row("SI", start, "0.22"));
        rows.add(row("SK", start, "0.20"));
        rows.add(row("SK", LocalDate.of(2025, 1, 1), "0.23"));
        return of(rows);
    }

    private static DatedRate row(String country, LocalDate from, String rate) {
        return new DatedRate(country, from, new BigDecimal(rate));
    }

    /**
     * The standard rate of a country on a day: the rate of its latest row starting on or before
     * {@code on}; none if the country is not in the table or the day is before its first row.
     */
    public Option<BigDecimal> standardRate(String isoCountry, LocalDate on) {
        Objects.requireNonNull(on, "on");
        NavigableMap<LocalDate, BigDecimal> history = historyOf(isoCountry);
        if (history == null) {
            return Option.none();
        }
        return Option.of(history.floorEntry(on)).map(Map.Entry::getValue);
    }

    /** Whether the country (ISO code, any case) is in this table, i.e. is a member state for VAT. */
    public boolean isMemberState(String isoCountry) {
        return historyOf(isoCountry) != null;
    }

    private NavigableMap<LocalDate, BigDecimal> historyOf(String isoCountry) {
        if (isoCountry == null) {
            return null;
        }
        return byCountry.get(isoCountry.strip().toUpperCase(Locale.ROOT));
    }
}
