package com.subscriptionsuite.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialTerritoriesTest {

    @ParameterizedTest(name = "{0} {1} ({2}) is outside the VAT area")
    @CsvSource({
            "ES, 35001,    Las Palmas (Canary Islands)",
            "ES, 38001,    Santa Cruz de Tenerife (Canary Islands)",
            "ES, 51001,    Ceuta",
            "ES, 52001,    Melilla",
            "FI, 22100,    Mariehamn (Åland)",
            "FI, AX-22100, Mariehamn written with the AX prefix",
            "FR, 97110,    Pointe-à-Pitre (Guadeloupe)",
            "FR, 97200,    Fort-de-France (Martinique)",
            "FR, 97300,    Cayenne (French Guiana)",
            "FR, 97400,    Saint-Denis (Réunion)",
            "FR, 97600,    Mamoudzou (Mayotte)",
            "GR, 63086,    Karyes (Mount Athos)",
            "GR, 630 87,   Mount Athos written with a space",
            "DE, 78266,    Büsingen am Hochrhein",
            "DE, 27498,    Heligoland",
            "IT, 23041,    Livigno",
            "IT, 22061,    Campione d'Italia",
            "es, 35001,    lower-case country code",
    })
    void postcodes_of_special_territories_are_outside_the_vat_area(String country, String postcode, String place) {
        assertThat(SpecialTerritories.outsideVatArea(country, postcode)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) is inside the VAT area")
    @CsvSource({
            "ES, 28001, Madrid",
            "ES, 07001, Palma (Balearic Islands are inside)",
            "FI, 00100, Helsinki",
            "FR, 75001, Paris",
            "FR, 98000, Monaco (inside the French VAT area)",
            "GR, 63088, next to Mount Athos",
            "DE, 78267, next to Büsingen",
            "DE, 10115, Berlin",
            "IT, 23040, next to Livigno",
            "IT, 00118, Rome",
            "AT, 35001, same digits in another country",
            "US, 35001, same digits outside the EU",
            "ES, 3500,  four digits",
    })
    void other_postcodes_are_inside_the_vat_area(String country, String postcode, String place) {
        assertThat(SpecialTerritories.outsideVatArea(country, postcode)).isFalse();
    }

    @ParameterizedTest(name = "country {0} is outside the VAT area")
    @CsvSource({"GP,", "MQ,", "GF,", "RE,", "YT,", "RE, 97400"})
    void french_overseas_departments_given_by_their_own_code_are_outside_the_vat_area(String country, String postcode) {
        assertThat(SpecialTerritories.outsideVatArea(country, postcode)).isTrue();
    }

    @ParameterizedTest(name = "{0} with postcode ''{1}''")
    @CsvSource({"ES,", "ES, ''", "ES, '   '", "FI,", ","})
    void missing_postcode_is_inside_the_vat_area(String country, String postcode) {
        assertThat(SpecialTerritories.outsideVatArea(country, postcode)).isFalse();
    }
}
