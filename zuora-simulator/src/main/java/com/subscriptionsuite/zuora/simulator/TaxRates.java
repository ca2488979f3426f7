package com.subscriptionsuite.zuora.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's stand-in for Zuora Tax: a tax rate table per country (ISO code of the account's sold-to
 * contact) and tax code, as Zuora Tax's tax rate table holds it. A taxable charge gets one taxation item per
 * invoice item: TaxExclusive {@code tax = round(amount x rate)}; TaxInclusive {@code tax = round(amount x rate /
 * (1 + rate))}, the item's charge amount then without it; rounded HALF_UP to the currency's decimals. A charge
 * without a tax code uses the country's default rate (tax code {@link #DEFAULT_CODE}). An empty table taxes
 * nothing; an account with {@code taxInfo.exemptStatus = Yes} is not taxed.
 */
public final class TaxRates {
    /** The tax code of a country's rate for charges that name none. */
    public static final String DEFAULT_CODE = "";

    /** One rate: {@code rate} as a fraction (0.19 for 19 %), the tax's name (VAT) for the taxation item. */
    public record Rate(String country, String taxCode, BigDecimal rate, String name) {}

    private final Map<String, Rate> rates = new ConcurrentHashMap<>();

    /** Sets the rate of a country (ISO 3166 alpha-2) and tax code ({@link #DEFAULT_CODE} for charges without one). */
    public TaxRates put(String country, String taxCode, String rate, String name) {
        if (country == null || country.isBlank()) {
            throw new IllegalArgumentException("country is required");
        }
        BigDecimal r = new BigDecimal(rate);
        if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("rate must be a fraction in [0, 1), e.g. 0.19: " + rate);
        }
        String c = country.strip().toUpperCase(Locale.ROOT);
        String code = taxCode == null ? DEFAULT_CODE : taxCode.strip();
        rates.put(key(c, code), new Rate(c, code, r, name == null || name.isBlank() ? "VAT" : name));
        return this;
    }

    /** The default rate of a country (charges without a tax code). */
    public TaxRates put(String country, String rate) {
        return put(country, DEFAULT_CODE, rate, "VAT");
    }

    public void clear() {
        rates.clear();
    }

    public Map<String, Rate> all() {
        return Map.copyOf(new LinkedHashMap<>(rates));
    }

    private static String key(String country, String code) {
        return country + "|" + code;
    }

    /** The rate for a country (code or English name) and a charge's tax code (null: the default). */
    Optional<Rate> find(String country, String taxCode) {
        String iso = isoCountry(country);
        if (iso == null) {
            return Optional.empty();
        }
        String code = taxCode == null ? DEFAULT_CODE : taxCode.strip();
        return Optional.ofNullable(rates.get(key(iso, code)));
    }

    /** Zuora takes a country as an ISO code or its name; answers the ISO alpha-2 code, null if unknown. */
    static String isoCountry(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String c = country.strip();
        if (c.length() == 2) {
            return c.toUpperCase(Locale.ROOT);
        }
        for (String iso : Locale.getISOCountries()) {
            Locale l = new Locale("", iso);
            if (l.getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(c) || l.getISO3Country().equalsIgnoreCase(c)) {
                return iso;
            }
        }
        return null;
    }

    /** Taxes one item for the account (sold-to country, exemption) in the currency; sets its tax and taxation item. */
    void tax(Model.InvoiceItem item, Model.Account account, String currency, LocalDate taxDate) {
        item.taxAmount = BigDecimal.ZERO;
        item.taxation = null;
        if (!item.taxable || account.taxExempt()) {
            return;
        }
        String country = account.soldTo == null ? null : account.soldTo.path("country").asText(null);
        Optional<Rate> found = find(country, item.taxCode);
        if (found.isEmpty()) {
            return;
        }
        Rate r = found.get();
        int decimals = Billing.decimals(currency);
        BigDecimal tax;
        if ("TaxInclusive".equals(item.taxMode)) {
            BigDecimal share = r.rate().divide(BigDecimal.ONE.add(r.rate()), 12, RoundingMode.HALF_UP);
            tax = item.amount.multiply(share).setScale(decimals, RoundingMode.HALF_UP);
            item.amount = item.amount.subtract(tax);
        } else {
            tax = item.amount.multiply(r.rate()).setScale(decimals, RoundingMode.HALF_UP);
        }
        item.taxAmount = tax;
        item.taxation = new Model.Taxation(Ids.newId(), r.name(), r.country(), r.taxCode().isEmpty() ? null : r.taxCode(),
                r.rate(), taxDate, tax);
    }
}
