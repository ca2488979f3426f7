package com.subscriptionsuite.domain.tax;

/** Why a {@link TaxDecision} charges what it charges; {@link #code()} is the stable wire value. */
public enum TaxReason {
    /** Customer in the seller's country: the seller's rate, B2B or B2C. */
    DOMESTIC("domestic"),
    /** B2B customer in another member state with a valid VAT ID of that state: 0, the customer accounts for the VAT. */
    REVERSE_CHARGE("reverse_charge"),
    /** B2C (or B2B without a valid VAT ID) in another member state: the customer country's rate, declared via OSS. */
    OSS_DESTINATION("oss_destination"),
    /** As {@link #OSS_DESTINATION}, but the tenant applies the €10,000 EU threshold: the seller's own rate. */
    SELLER_RATE_BELOW_THRESHOLD("seller_rate_below_threshold"),
    /** Customer outside the EU: no EU VAT. */
    OUTSIDE_SCOPE("outside_scope"),
    /** Customer in a territory outside the EU VAT area (detected by postcode): no EU VAT. */
    SPECIAL_TERRITORY("special_territory");

    private final String code;

    TaxReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The reason a stored {@link TaxDecision#explanation()} states, read back from the sentence
     * {@link VatDetermination} wrote (a posted invoice keeps the explanation, not the reason);
     * none for a text it did not write (e.g. an invoice from another billing system).
     * {@code VatDeterminationTest} holds every sentence shape to this.
     */
    public static io.vavr.control.Option<TaxReason> ofExplanation(String explanation) {
        if (explanation == null || explanation.isBlank()) {
            return io.vavr.control.Option.none();
        }
        String text = explanation.strip();
        if (text.startsWith("Reverse charge: ")) {
            return io.vavr.control.Option.some(REVERSE_CHARGE);
        }
        if (text.endsWith(" charged via OSS")) {
            return io.vavr.control.Option.some(OSS_DESTINATION);
        }
        if (text.contains(": seller below the EUR 10,000 EU threshold charges its own ")) {
            return io.vavr.control.Option.some(SELLER_RATE_BELOW_THRESHOLD);
        }
        if (text.startsWith("Customer country ") && text.endsWith(" is outside the EU: no EU VAT")) {
            return io.vavr.control.Option.some(OUTSIDE_SCOPE);
        }
        if (text.startsWith("Customer address ") && text.endsWith(" is in a territory outside the EU VAT area: no EU VAT")) {
            return io.vavr.control.Option.some(SPECIAL_TERRITORY);
        }
        if (text.startsWith("Domestic supply: ") || text.startsWith("No customer country given: ")) {
            return io.vavr.control.Option.some(DOMESTIC);
        }
        return io.vavr.control.Option.none();
    }
}
