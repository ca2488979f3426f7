package com.subscriptionsuite.domain.tax;

import java.util.Locale;
import java.util.Set;

/**
 * Territories that belong to a member state but lie outside the EU VAT area, detected by postcode
 * (domain-rules §3.5):
 * <ul>
 *   <li>ES: Canary Islands (35xxx, 38xxx), Ceuta (51xxx), Melilla (52xxx)</li>
 *   <li>FI: Åland (22xxx)</li>
 *   <li>FR: overseas departments Guadeloupe, Martinique, French Guiana, Réunion (971xx–974xx) and
 *       Mayotte (976xx); also the ISO codes GP, MQ, GF, RE and YT given as the country</li>
 *   <li>GR: Mount Athos (63086, 63087)</li>
 *   <li>DE: Büsingen am Hochrhein (78266) and Heligoland (27498)</li>
 *   <li>IT: Livigno (23041) and Campione d'Italia (22061)</li>
 * </ul>
 */
public final class SpecialTerritories {

    private static final Set<String> FRENCH_OVERSEAS_DEPARTMENT_CODES = Set.of("GP", "MQ", "GF", "RE", "YT");

    private SpecialTerritories() {
    }

    /**
     * Whether an address is outside the EU VAT area although its country is (or belongs to) a member state.
     *
     * <p>The postcode may carry spaces or a country prefix ("AX-22100", "630 86"): only its digits
     * count, and they must be the five digits of a postcode. A {@code null} or blank postcode gives
     * {@code false}, except for the French overseas departments given by their own ISO code.
     */
    public static boolean outsideVatArea(String isoCountry, String postcode) {
        if (isoCountry == null) {
            return false;
        }
        String country = isoCountry.strip().toUpperCase(Locale.ROOT);
        if (FRENCH_OVERSEAS_DEPARTMENT_CODES.contains(country)) {
            return true;
        }
        String digits = digitsOf(postcode);
        if (digits.length() != 5) {
            return false;
        }
        return switch (country) {
            case "ES" -> startsWithAny(digits, "35", "38", "51", "52");
            case "FI" -> digits.startsWith("22");
            case "FR" -> startsWithAny(digits, "971", "972", "973", "974", "976");
            case "GR" -> digits.equals("63086") || digits.equals("63087");
            case "DE" -> digits.equals("78266") || digits.equals("27498");
            case "IT" -> digits.equals("23041") || digits.equals("22061");
            default -> false;
        };
    }

    private static String digitsOf(String postcode) {
        if (postcode == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < postcode.length(); i++) {
            char c = postcode.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static boolean startsWithAny(String digits, String... prefixes) {
        for (String prefix : prefixes) {
            if (digits.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
