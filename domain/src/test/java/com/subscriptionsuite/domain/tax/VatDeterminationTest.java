package com.subscriptionsuite.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VatDeterminationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private final VatDetermination vat = new VatDetermination(VatRates.euStandardRates());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                          | seller | threshold | country | postcode | company | vat id          | on         | tax country | rate  | reason
            domestic B2C                                    | DE     | false     | DE      | 10115    | false   |                 | 2026-03-01 | DE          | 0.19  | domestic
            domestic B2B with VAT ID                        | DE     | false     | DE      | 10115    | true    | DE136695976     | 2026-03-01 | DE          | 0.19  | domestic
            domestic, country code in lower case            | DE     | false     | de      |          | false   |                 | 2026-03-01 | DE          | 0.19  | domestic
            reverse charge FR                               | DE     | false     | FR      | 75001    | true    | FR40303265045   | 2026-03-01 | FR          | 0     | reverse_charge
            reverse charge AT, VAT ID typed with spaces     | DE     | false     | AT      | 1010     | true    | ATU 135 856 27  | 2026-03-01 | AT          | 0     | reverse_charge
            reverse charge Greek company with EL prefix     | DE     | false     | GR      | 10431    | true    | EL094259216     | 2026-03-01 | GR          | 0     | reverse_charge
            reverse charge Greek company with GR prefix     | DE     | false     | GR      | 10431    | true    | GR094259216     | 2026-03-01 | GR          | 0     | reverse_charge
            reverse charge also with threshold setting      | DE     | true      | FR      | 75001    | true    | FR40303265045   | 2026-03-01 | FR          | 0     | reverse_charge
            B2B with checksum-invalid VAT ID → OSS          | DE     | false     | FR      | 75001    | true    | FR84323140391   | 2026-03-01 | FR          | 0.20  | oss_destination
            B2B with malformed VAT ID → OSS                 | DE     | false     | FR      | 75001    | true    | FR123           | 2026-03-01 | FR          | 0.20  | oss_destination
            B2B with VAT ID of another country → OSS        | DE     | false     | FR      | 75001    | true    | ATU13585627     | 2026-03-01 | FR          | 0.20  | oss_destination
            B2B without VAT ID → OSS                        | DE     | false     | FR      | 75001    | true    |                 | 2026-03-01 | FR          | 0.20  | oss_destination
            B2C with a VAT ID is still B2C → OSS            | DE     | false     | FR      | 75001    | false   | FR40303265045   | 2026-03-01 | FR          | 0.20  | oss_destination
            B2C OSS at customer rate                        | DE     | false     | FR      | 75001    | false   |                 | 2026-03-01 | FR          | 0.20  | oss_destination
            B2C OSS EE before the rate change               | DE     | false     | EE      | 10111    | false   |                 | 2025-06-30 | EE          | 0.22  | oss_destination
            B2C OSS EE on the day of the rate change        | DE     | false     | EE      | 10111    | false   |                 | 2025-07-01 | EE          | 0.24  | oss_destination
            B2C OSS FI at 25.5 %                            | DE     | false     | FI      | 00100    | false   |                 | 2026-03-01 | FI          | 0.255 | oss_destination
            threshold setting: seller rate for B2C          | DE     | true      | FR      | 75001    | false   |                 | 2026-03-01 | DE          | 0.19  | seller_rate_below_threshold
            threshold setting: seller rate for invalid B2B  | DE     | true      | FR      | 75001    | true    | FR84323140391   | 2026-03-01 | DE          | 0.19  | seller_rate_below_threshold
            threshold setting does not touch domestic       | AT     | true      | AT      | 1010     | false   |                 | 2026-03-01 | AT          | 0.20  | domestic
            seller rate follows its own rate change         | SK     | true      | DE      | 10115    | false   |                 | 2024-12-31 | SK          | 0.20  | seller_rate_below_threshold
            seller rate follows its own rate change, after  | SK     | true      | DE      | 10115    | false   |                 | 2025-01-01 | SK          | 0.23  | seller_rate_below_threshold
            US outside scope                                | DE     | false     | US      | 10001    | false   |                 | 2026-03-01 | US          | 0     | outside_scope
            CH outside scope, B2B                           | DE     | false     | CH      | 8001     | true    | CHE123456789    | 2026-03-01 | CH          | 0     | outside_scope
            GB outside scope even with an XI VAT ID         | DE     | false     | GB      | BT1 1AA  | true    | XI980780684     | 2026-03-01 | GB          | 0     | outside_scope
            Monaco consumer pays French VAT (French area)   | DE     | false     | MC      | 98000    | false   |                 | 2026-03-01 | FR          | 0.20  | oss_destination
            Canary Islands                                  | DE     | false     | ES      | 35001    | false   |                 | 2026-03-01 | ES          | 0     | special_territory
            Canary Islands with Spanish seller              | ES     | false     | ES      | 38001    | false   |                 | 2026-03-01 | ES          | 0     | special_territory
            Åland                                           | DE     | false     | FI      | 22100    | false   |                 | 2026-03-01 | FI          | 0     | special_territory
            Büsingen with a DE seller                       | DE     | false     | DE      | 78266    | false   |                 | 2026-03-01 | DE          | 0     | special_territory
            Réunion by its own country code                 | DE     | false     | RE      |          | false   |                 | 2026-03-01 | RE          | 0     | special_territory
            no country given → domestic                     | DE     | false     |         |          | false   |                 | 2026-03-01 | DE          | 0.19  | domestic
            blank country given → domestic                  | FR     | true      | '  '    | 35001    | true    | FR40303265045   | 2026-03-01 | FR          | 0.20  | domestic
            """)
    void decides_the_vat_of_every_case(String description, String sellerCountry, boolean threshold,
                                       String customerCountry, String postcode, boolean company, String vatId,
                                       LocalDate on, String taxCountry, BigDecimal rate, String reason) {
        TaxDecision decision = vat.decide(new Seller(sellerCountry, threshold),
                new TaxCustomer(customerCountry, postcode, company, vatId), on);

        assertThat(decision.taxCountry()).isEqualTo(taxCountry);
        assertThat(decision.rate()).isEqualByComparingTo(rate);
        assertThat(decision.reason().code()).isEqualTo(reason);
        assertThat(decision.explanation()).isNotBlank();
        assertThat(TaxReason.ofExplanation(decision.explanation()).getOrNull())
                .as("the reason read back from the stored explanation (what an invoice prints its notice by)")
                .isEqualTo(decision.reason());
    }

    @Test
    void a_text_the_determination_did_not_write_names_no_reason() {
        assertThat(TaxReason.ofExplanation("")).isEmpty();
        assertThat(TaxReason.ofExplanation(null)).isEmpty();
        assertThat(TaxReason.ofExplanation("Tax calculated by Zuora")).isEmpty();
    }

    @Test
    void reverse_charge_for_b2b_in_other_member_state() {
        TaxDecision decision = vat.decide(new Seller("DE", false),
                new TaxCustomer("FR", "75001", true, "FR 40 303 265 045"), DAY);

        assertThat(decision.reason()).isEqualTo(TaxReason.REVERSE_CHARGE);
        assertThat(decision.rate()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(decision.explanation())
                .isEqualTo("Reverse charge: customer FR with valid VAT ID FR40303265045 accounts for the VAT");
    }

    @Test
    void explanation_says_why_an_invalid_vat_id_is_charged_vat() {
        TaxDecision decision = vat.decide(new Seller("DE", false),
                new TaxCustomer("FR", "75001", true, "FR84323140391"), DAY);

        assertThat(decision.explanation())
                .startsWith("Business customer in FR: VAT ID FR84323140391 failed the offline check (")
                .contains("check-digit test of France")
                .endsWith(": FR VAT 20% charged via OSS");
    }

    @Test
    void explanation_says_when_the_vat_id_belongs_to_another_country() {
        TaxDecision decision = vat.decide(new Seller("DE", false),
                new TaxCustomer("FR", "75001", true, "ATU13585627"), DAY);

        assertThat(decision.explanation())
                .isEqualTo("Business customer in FR: VAT ID ATU13585627 belongs to AT, not to the customer's country: "
                        + "FR VAT 20% charged via OSS");
    }

    @Test
    void explanation_names_the_threshold_and_the_seller_rate() {
        TaxDecision decision = vat.decide(new Seller("FI", true), new TaxCustomer("DE", null, false, null), DAY);

        assertThat(decision.explanation())
                .isEqualTo("Consumer in DE: seller below the EUR 10,000 EU threshold charges its own FI VAT 25.5%");
    }

    @Test
    void explanation_for_domestic_b2b_says_the_vat_id_does_not_matter() {
        TaxDecision decision = vat.decide(new Seller("DE", false),
                new TaxCustomer("DE", "10115", true, "DE136695976"), DAY);

        assertThat(decision.explanation()).isEqualTo("Domestic supply: business customer in the seller's country DE, "
                + "DE VAT 19% (a VAT ID does not change a domestic supply)");
    }

    @Test
    void explanations_for_zero_rated_places_name_the_place() {
        assertThat(vat.decide(new Seller("DE", false), new TaxCustomer("US", null, false, null), DAY).explanation())
                .isEqualTo("Customer country US is outside the EU: no EU VAT");
        assertThat(vat.decide(new Seller("DE", false), new TaxCustomer("ES", "35001", false, null), DAY).explanation())
                .isEqualTo("Customer address ES 35001 is in a territory outside the EU VAT area: no EU VAT");
    }

    @Test
    void domestic_consumer_of_the_seller_is_taxed_domestically() {
        Seller seller = new Seller("NL", false);

        TaxDecision decision = vat.decide(seller, TaxCustomer.domesticConsumerOf(seller), DAY);

        assertThat(decision.reason()).isEqualTo(TaxReason.DOMESTIC);
        assertThat(decision.taxCountry()).isEqualTo("NL");
        assertThat(decision.rate()).isEqualByComparingTo("0.21");
    }

    @Test
    void seller_country_is_upper_cased() {
        assertThat(new Seller(" de ", false).isoCountry()).isEqualTo("DE");
    }

    @Test
    void seller_outside_the_rate_table_is_a_configuration_error() {
        assertThatThrownBy(() -> vat.decide(new Seller("CH", false), new TaxCustomer("DE", null, false, null), DAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CH");
    }

    @Test
    void missing_rate_on_the_day_is_a_configuration_error() {
        LocalDate beforeTable = LocalDate.of(2019, 6, 1);

        assertThatThrownBy(() -> vat.decide(new Seller("DE", false), new TaxCustomer("FR", null, false, null),
                beforeTable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No standard VAT rate for FR on 2019-06-01 in the VAT rate table");
    }

    @Test
    void decision_uses_the_rate_table_it_was_given() {
        VatDetermination custom = new VatDetermination(VatRates.of(List.of(
                new DatedRate("DE", LocalDate.of(2020, 7, 1), new BigDecimal("0.16")),
                new DatedRate("DE", LocalDate.of(2021, 1, 1), new BigDecimal("0.19")))));

        TaxDecision decision = custom.decide(new Seller("DE", false), new TaxCustomer("DE", null, false, null),
                LocalDate.of(2020, 12, 31));

        assertThat(decision.rate()).isEqualByComparingTo("0.16");
    }

    @Test
    void decisions_with_the_same_rate_at_another_scale_are_equal() {
        TaxDecision a = new TaxDecision("FR", new BigDecimal("0.2"), TaxReason.OSS_DESTINATION, "x");
        TaxDecision b = new TaxDecision("FR", new BigDecimal("0.200"), TaxReason.OSS_DESTINATION, "x");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new TaxDecision("FR", new BigDecimal("0.21"), TaxReason.OSS_DESTINATION, "x"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "DOMESTIC, domestic",
            "REVERSE_CHARGE, reverse_charge",
            "OSS_DESTINATION, oss_destination",
            "SELLER_RATE_BELOW_THRESHOLD, seller_rate_below_threshold",
            "OUTSIDE_SCOPE, outside_scope",
            "SPECIAL_TERRITORY, special_territory",
    })
    void every_reason_has_its_wire_code(TaxReason reason, String code) {
        assertThat(reason.code()).isEqualTo(code);
    }
}
