package com.subscriptionsuite.application.port.in.vat;

import java.util.Locale;

/** The three outcomes of a VAT ID check (domain rules §3). */
public enum VatOutcome {
    /** Registered: a B2B customer in another member state gets the reverse charge. */
    VALID,
    /** Not a VAT ID (offline check) or not registered (the register said so). */
    INVALID,
    /** The register could not be asked or did not answer: VAT is charged (the customer can reclaim it). */
    UNVERIFIED;

    /** The lower-case name used on the wire and in the store. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VatOutcome ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
