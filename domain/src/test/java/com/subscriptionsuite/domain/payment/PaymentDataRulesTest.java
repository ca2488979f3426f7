package com.subscriptionsuite.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.payment.PaymentDataRules.AchInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.CardInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.SepaInput;
import io.vavr.control.Either;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentDataRulesTest {
    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);

    private static CardInput card(String number, Integer month, Integer year, String code) {
        return new CardInput(number, "Ann Example", month, year, code);
    }

    private static List<FieldProblem> problems(Either<List<FieldProblem>, Map<String, String>> result) {
        assertThat(result.isLeft()).as("refused: %s", result).isTrue();
        return result.getLeft();
    }

    @Nested
    class Cards {
        @Test
        void keeps_only_the_mask_the_holder_the_brand_and_the_expiry() {
            Map<String, String> data = PaymentDataRules.card(card("4111 1111-1111 1111", 12, 2030, "123"), JUNE_2025)
                    .get();

            assertThat(data).containsExactly(
                    Map.entry("credit_card_mask_number", "************1111"),
                    Map.entry("credit_card_holder_name", "Ann Example"),
                    Map.entry("credit_card_type", "Visa"),
                    Map.entry("credit_card_expiration_month", "12"),
                    Map.entry("credit_card_expiration_year", "2030"));
            assertThat(data.values()).noneMatch(v -> v.contains("4111111111111111") || v.contains("123"));
        }

        @ParameterizedTest
        @CsvSource({
            "4111111111111111, Visa, 123",
            "5555555555554444, MasterCard, 123",
            "2221000000000009, MasterCard, 123",
            "378282246310005, AmericanExpress, 1234",
            "6011111111111117, Discover, 123",
            "3530111333300000, JCB, 123",
            "30569309025904, Diners, 123"})
        void knows_the_brand_by_the_number(String number, String brand, String code) {
            Map<String, String> data = PaymentDataRules.card(card(number, 1, 2026, code), JUNE_2025).get();

            assertThat(data.get("credit_card_type")).isEqualTo(brand);
            assertThat(data.get("credit_card_mask_number"))
                    .isEqualTo("*".repeat(number.length() - 4) + number.substring(number.length() - 4));
        }

        @Test
        void refuses_a_number_whose_check_digit_is_wrong() {
            assertThat(problems(PaymentDataRules.card(card("4111111111111112", 12, 2030, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_number",
                            "is not a card number (its check digit is wrong)"));
        }

        @Test
        void refuses_a_number_of_no_known_brand_and_letters() {
            assertThat(problems(PaymentDataRules.card(card("9111111111111110", 12, 2030, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_number",
                            "is not a Visa, MasterCard, American Express, Discover, JCB or Diners card"));
            assertThat(problems(PaymentDataRules.card(card("4111 abcd 1111 1111", 12, 2030, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_number",
                            "must be 12 to 19 digits (spaces and dashes are ignored)"));
        }

        @Test
        void accepts_the_current_month_and_refuses_the_month_before() {
            assertThat(PaymentDataRules.card(card("4111111111111111", 6, 2025, "123"), JUNE_2025).isRight()).isTrue();
            assertThat(problems(PaymentDataRules.card(card("4111111111111111", 5, 2025, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_expiration_month", "the card has expired"));
            assertThat(problems(PaymentDataRules.card(card("4111111111111111", 12, 2024, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_expiration_year", "the card has expired"));
        }

        @Test
        void reads_a_two_digit_year_as_this_century() {
            Map<String, String> data = PaymentDataRules.card(card("4111111111111111", 3, 27, "123"), JUNE_2025).get();

            assertThat(data.get("credit_card_expiration_year")).isEqualTo("2027");
        }

        @Test
        void refuses_a_month_out_of_range_and_a_year_too_far_ahead() {
            assertThat(problems(PaymentDataRules.card(card("4111111111111111", 13, 2046, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_expiration_month", "must be 1 to 12"),
                            new FieldProblem("credit_card_expiration_year", "must be at most 20 years ahead"));
        }

        @Test
        void wants_four_digits_from_american_express_and_three_from_the_others() {
            assertThat(problems(PaymentDataRules.card(card("378282246310005", 12, 2030, "123"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_security_code", "must be 4 digits"));
            assertThat(problems(PaymentDataRules.card(card("4111111111111111", 12, 2030, "1234"), JUNE_2025)))
                    .containsExactly(new FieldProblem("credit_card_security_code", "must be 3 digits"));
        }

        @Test
        void reports_every_missing_field_together() {
            assertThat(problems(PaymentDataRules.card(new CardInput(null, " ", null, null, null), JUNE_2025)))
                    .containsExactly(
                            new FieldProblem("credit_card_number", "is required"),
                            new FieldProblem("credit_card_holder_name", "is required"),
                            new FieldProblem("credit_card_expiration_month", "is required"),
                            new FieldProblem("credit_card_expiration_year", "is required"),
                            new FieldProblem("credit_card_security_code", "is required"));
        }

        @Test
        void refuses_a_holder_name_with_a_bidi_override_and_keeps_one_in_another_script() {
            CardInput spoofed = new CardInput("4111111111111111", "Ann \u202eelpmaxE", 12, 2030, "123");
            CardInput greek = new CardInput("4111111111111111", "\u00a0Ἀριστοτέλης ", 12, 2030, "123");

            assertThat(problems(PaymentDataRules.card(spoofed, JUNE_2025))).singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("credit_card_holder_name"))
                    .satisfies(p -> assertThat(p.reason()).contains("U+202E"));
            assertThat(PaymentDataRules.card(greek, JUNE_2025).get()).containsEntry("credit_card_holder_name",
                    "Ἀριστοτέλης");
        }

        @Test
        void never_shows_the_number_or_the_code_when_printed() {
            String printed = card("4111111111111111", 12, 2030, "987").toString();

            assertThat(printed).doesNotContain("4111111111111111").doesNotContain("987").contains("************1111");
        }
    }

    @Nested
    class Sepa {
        @Test
        void keeps_the_masked_iban_and_the_holder() {
            Map<String, String> data = PaymentDataRules.sepa(new SepaInput("de89 3704 0044 0532 0130 00", " Ann ")).get();

            assertThat(data).containsExactly(
                    Map.entry("bank_transfer_account_number_mask", "DE89**************3000"),
                    Map.entry("bank_transfer_account_name", "Ann"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "DE88370400440532013000 | is not an IBAN (its check digits are wrong)",
            "DE8937040044053201300  | an IBAN of DE has 22 characters",
            "SA0380000000608010167519 | is not an account in a SEPA country",
            "DE89-3704-0044         | is not an IBAN (two letters, two check digits, then 11 to 30 letters or digits; spaces are ignored)"})
        void refuses_an_iban_that_is_not_one(String iban, String reason) {
            assertThat(problems(PaymentDataRules.sepa(new SepaInput(iban, "Ann"))))
                    .containsExactly(new FieldProblem("iban", reason));
        }

        @Test
        void accepts_other_sepa_countries_by_their_own_length() {
            assertThat(PaymentDataRules.sepa(new SepaInput("AT611904300234573201", "Ann")).get())
                    .containsEntry("bank_transfer_account_number_mask", "AT61************3201");
            assertThat(PaymentDataRules.sepa(new SepaInput("GB82WEST12345698765432", "Ann")).isRight()).isTrue();
        }
    }

    @Nested
    class Ach {
        @Test
        void keeps_the_masked_account_the_routing_number_and_the_type() {
            Map<String, String> data = PaymentDataRules.ach(new AchInput("011000015", "000123456789", "Ann",
                    "Checking")).get();

            assertThat(data).containsExactly(
                    Map.entry("bank_transfer_account_number_mask", "********6789"),
                    Map.entry("bank_transfer_account_name", "Ann"),
                    Map.entry("ach_aba_code", "011000015"),
                    Map.entry("ach_account_type", "Checking"));
        }

        @Test
        void refuses_a_routing_number_whose_checksum_is_wrong_and_an_unknown_account_type() {
            assertThat(problems(PaymentDataRules.ach(new AchInput("011000016", "123456789", "Ann", "Savings"))))
                    .containsExactly(
                            new FieldProblem("ach_aba_code", "is not a routing number (its check digit is wrong)"),
                            new FieldProblem("ach_account_type", "must be one of Checking, Saving, BusinessChecking"));
        }
    }

    @Nested
    class Bank_transfers {
        @Test
        void keeps_a_holder_and_a_masked_number() {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("bank_transfer_account_name", "Ann Example");
            given.put("bank_transfer_account_number_mask", "************3000");

            assertThat(PaymentDataRules.bankTransfer(given, "data").get()).isEqualTo(given);
        }

        @Test
        void takes_no_details_at_all() {
            assertThat(PaymentDataRules.bankTransfer(Map.of(), "data").get()).isEmpty();
        }

        @Test
        void refuses_an_unmasked_number_and_unknown_fields() {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("bank_transfer_account_number_mask", "DE89370400440532013000");
            given.put("iban", "DE89370400440532013000");

            assertThat(problems(PaymentDataRules.bankTransfer(given, "data"))).extracting(FieldProblem::field)
                    .containsExactly("data.bank_transfer_account_number_mask", "data.iban");
        }
    }
}
