package com.subscriptionsuite.domain.tax;

import io.vavr.control.Either;
import java.util.Locale;
import java.util.Objects;

/**
 * An EU VAT identification number (or a Northern Ireland {@code XI} number), split into its
 * two-letter VAT prefix and the national part.
 *
 * <p>The prefix is the VAT prefix, not the ISO country: Greece is {@code EL}, Northern Ireland
 * {@code XI}; {@link #isoCountry()} gives the ISO 3166 code. The number is normalised: no spaces,
 * dots or dashes, upper case (and, for Belgium and Greece, an old shorter form is padded with a
 * leading zero).
 *
 * <p>Only {@link #parse(String)} checks a VAT ID (format and check digits, offline). The record
 * constructor accepts any non-null parts, so a {@code VatId} built directly is not proof of a
 * valid number. Passing the offline check does not prove the number is registered: that is what a
 * VIES lookup is for.
 */
public record VatId(String prefix, String number) {

    public VatId {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(number, "number");
    }

    /** The ISO 3166 country of this VAT ID: {@code EL} → {@code GR}, {@code XI} → {@code GB}, else the prefix. */
    public String isoCountry() {
        return switch (prefix) {
            case "EL" -> "GR";
            case "XI" -> "GB";
            default -> prefix;
        };
    }

    /** The full VAT ID as it is written on an invoice, without separators: prefix + number. */
    public String value() {
        return prefix + number;
    }

    /**
     * Runs the offline format and checksum check for the VAT ID's member state (all 27 EU member
     * states plus {@code XI}). Spaces, dots and dashes are removed and letters upper-cased first;
     * {@code GR} is accepted as a prefix and normalised to {@code EL}.
     *
     * @param raw the VAT ID as typed, prefix included; may be {@code null}
     * @return the normalised VAT ID, or why it was rejected
     */
    public static Either<VatIdRejection, VatId> parse(String raw) {
        String compact = compact(raw);
        if (compact.isEmpty()) {
            return Either.left(new VatIdRejection(VatIdRejection.EMPTY, "No VAT ID was given."));
        }
        if (compact.length() < 2 || !isAsciiLetter(compact.charAt(0)) || !isAsciiLetter(compact.charAt(1))) {
            return Either.left(new VatIdRejection(VatIdRejection.UNKNOWN_PREFIX,
                    "VAT ID " + compact + " does not start with a two-letter country prefix such as DE or FR."));
        }
        String prefix = compact.substring(0, 2);
        if (prefix.equals("GR")) {
            prefix = "EL";
        }
        if (!VatIdChecksums.knows(prefix)) {
            return Either.left(new VatIdRejection(VatIdRejection.UNKNOWN_PREFIX, unknownPrefixReason(prefix)));
        }
        String finalPrefix = prefix;
        return VatIdChecksums.check(prefix, compact.substring(2))
                .map(number -> new VatId(finalPrefix, number));
    }

    private static String unknownPrefixReason(String prefix) {
        if (prefix.equals("GB")) {
            return "GB is not an EU VAT prefix: only Northern Ireland numbers (prefix XI) can be checked.";
        }
        return prefix + " is not the VAT prefix of an EU member state or of Northern Ireland (XI).";
    }

    /**
     * A VAT ID as typed, without spaces, dots and dashes, in upper case: what {@link #parse} checks,
     * and what to show back for an ID that failed the check. Empty for null.
     */
    public static String compact(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '.' && c != '-')
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
