package com.subscriptionsuite.domain.payment;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the platform knows them. */
public final class Countries {
    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private Countries() {
    }

    /** Whether {@code code} is an assigned alpha-2 code, exactly as given (upper case: {@code DE}). */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }
}
