package com.subscriptionsuite.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VatIdTest {

    /** Every valid example of anchors.md §6.3, then a few extra valid forms per country. */
    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
            // anchors.md §6.3, valid column
            "ATU13585627,    AT, U13585627",
            "BE0428759497,   BE, 0428759497",
            "BG175074752,    BG, 175074752",
            "CY10259033P,    CY, 10259033P",
            "CZ25123891,     CZ, 25123891",
            "DE136695976,    DE, 136695976",
            "DK13585628,     DK, 13585628",
            "EE100594102,    EE, 100594102",
            "EL094259216,    EL, 094259216",
            "ESB64717838,    ES, B64717838",
            "FI20774740,     FI, 20774740",
            "FR40303265045,  FR, 40303265045",
            "HR33392005961,  HR, 33392005961",
            "HU12892312,     HU, 12892312",
            "IE6433435F,     IE, 6433435F",
            "IE6433435OA,    IE, 6433435OA",
            "IT00743110157,  IT, 00743110157",
            "LT119511515,    LT, 119511515",
            "LU15027442,     LU, 15027442",
            "LV40003521600,  LV, 40003521600",
            "MT11679112,     MT, 11679112",
            "NL004495445B01, NL, 004495445B01",
            "NL002455799B11, NL, 002455799B11",
            "PL8567346215,   PL, 8567346215",
            "PT501964843,    PT, 501964843",
            "RO18547290,     RO, 18547290",
            "SE123456789701, SE, 123456789701",
            "SI50223054,     SI, 50223054",
            "SK2022749619,   SK, 2022749619",
            "XI980780684,    XI, 980780684",
            // further forms (computed by hand from the national rules)
            "BE428759497,    BE, 0428759497",
            "EL94259216,     EL, 094259216",
            "CZ7103192745,   CZ, 7103192745",
            "CZ640903926,    CZ, 640903926",
            "FRK7399859412,  FR, K7399859412",
            "FR4Z123456782,  FR, 4Z123456782",
            "ES12345678Z,    ES, 12345678Z",
            "ESX1234567L,    ES, X1234567L",
            "ESQ2826000H,    ES, Q2826000H",
            "LV29075810403,  LV, 29075810403",
            "LV32503511782,  LV, 32503511782",
            "XI980780684001, XI, 980780684001",
            "XIGD001,        XI, GD001",
            "XIHA500,        XI, HA500",
    })
    void valid_vat_ids_from_the_anchor_table_pass_the_offline_check(String raw, String prefix, String number) {
        assertThat(VatId.parse(raw)).isEqualTo(Either.right(new VatId(prefix, number)));
    }

    /** Every invalid example of anchors.md §6.3 (RO: valid example with its check digit altered). */
    @ParameterizedTest(name = "{0} fails the checksum")
    @CsvSource({
            "ATU13585626",
            "BE0431150351",
            "BG175074751",
            "CY10259033Z",
            "CZ25123890",
            "DE136695978",
            "DK13585627",
            "EE100594103",
            "EL123456781",
            "ESB64717839",
            "FI20774741",
            "FR84323140391",
            "HR33392005962",
            "HU12892313",
            "IE6433435E",
            "IT00743110158",
            "LT100001919018",
            "LU15027443",
            "LV40003521601",
            "MT11679113",
            "NL123456789B90",
            "PL8567346216",
            "PT501964842",
            "RO18547291",
            "SE123456789101",
            "SI50223055",
            "SK2022749618",
            "XI802311781",
            // further wrong check characters
            "ES12345678A",
            "FRK7399859413",
            "CZ640903927",
            "CZ7103192746",
            "LV29075810404",
    })
    void invalid_vat_ids_from_the_anchor_table_fail_the_checksum(String raw) {
        Either<VatIdRejection, VatId> result = VatId.parse(raw);

        assertThat(result.isLeft()).as("rejected").isTrue();
        assertThat(result.getLeft().code()).isEqualTo("vat_id_bad_checksum");
        assertThat(result.getLeft().reason()).contains(raw.substring(0, 2)).contains("check-digit test");
    }

    @ParameterizedTest(name = "{0} has a bad format")
    @CsvSource({
            "AT13585627",        // U missing
            "ATU1358562",        // too short
            "BE2428759497",      // must start with 0 or 1
            "CY12000000X",       // must not start with 12
            "DE036695976",       // leading zero
            "DE13669597",        // 8 digits
            "DK03585628",        // leading zero
            "EE10059410",        // 8 digits
            "EL0942592161",      // 10 digits
            "ESI64717838",       // I is no CIF letter
            "FRIO303265045",     // key letters I/O not used
            "FR4030326504",      // SIREN too short
            "IE6433435",         // check letter missing
            "IT0074311015X",     // letter
            "LT119511525",       // 8th digit must be 1
            "LV4000352160",      // 10 digits
            "MT01679112",        // leading zero
            "NL004495445C01",    // B missing
            "PL856734621",       // 9 digits
            "PT001964843",       // leading zero
            "RO1",               // one digit
            "RO01854729",        // leading zero
            "SE123456789702",    // must end in 01
            "SI05022305",        // leading zero
            "SK2012749619",      // third digit 1
            "XI98078068",        // 8 digits
            "XIGD500",           // GD only below 500
            "XIHA499",           // HA only from 500
            "DE",                // prefix only
    })
    void malformed_vat_ids_are_rejected_as_bad_format(String raw) {
        Either<VatIdRejection, VatId> result = VatId.parse(raw);

        assertThat(result.isLeft()).as("rejected").isTrue();
        assertThat(result.getLeft().code()).isEqualTo("vat_id_bad_format");
        assertThat(result.getLeft().reason()).contains("wrong format");
    }

    @ParameterizedTest(name = "''{0}'' is an unknown prefix")
    @ValueSource(strings = {"US123456789", "GB980780684", "CH123456789", "EU372000041", "123456789", "1E6433435F"})
    void numbers_without_an_eu_or_xi_prefix_are_rejected_as_unknown_prefix(String raw) {
        assertThat(VatId.parse(raw).getLeft().code()).isEqualTo("vat_id_unknown_prefix");
    }

    @ParameterizedTest(name = "''{0}'' is empty")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " - . "})
    void missing_vat_ids_are_rejected_as_empty(String raw) {
        assertThat(VatId.parse(raw).getLeft().code()).isEqualTo("vat_id_empty");
    }

    @Test
    void spaces_dots_and_dashes_are_removed_and_letters_upper_cased() {
        assertThat(VatId.parse(" fr 40.303-265 045 ")).isEqualTo(Either.right(new VatId("FR", "40303265045")));
        assertThat(VatId.parse("atu13585627")).isEqualTo(Either.right(new VatId("AT", "U13585627")));
    }

    @Test
    void gr_prefix_is_accepted_and_normalised_to_el() {
        VatId vatId = VatId.parse("GR094259216").get();

        assertThat(vatId.prefix()).isEqualTo("EL");
        assertThat(vatId.value()).isEqualTo("EL094259216");
        assertThat(vatId.isoCountry()).isEqualTo("GR");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"EL, GR", "XI, GB", "DE, DE", "FR, FR"})
    void iso_country_maps_the_vat_prefix_to_the_iso_code(String prefix, String iso) {
        assertThat(new VatId(prefix, "1").isoCountry()).isEqualTo(iso);
    }

    @Test
    void value_is_prefix_and_number() {
        assertThat(new VatId("DE", "136695976").value()).isEqualTo("DE136695976");
    }

    @Test
    void rejection_reason_for_gb_points_to_the_xi_prefix() {
        assertThat(VatId.parse("GB980780684").getLeft().reason()).contains("XI");
    }

    @Test
    void rejection_reason_for_a_bad_format_names_the_expected_format() {
        assertThat(VatId.parse("ATU123").getLeft().reason())
                .isEqualTo("VAT ID ATU123 has the wrong format: a VAT ID of Austria is AT followed by "
                        + "'U' followed by 8 digits.");
    }
}
