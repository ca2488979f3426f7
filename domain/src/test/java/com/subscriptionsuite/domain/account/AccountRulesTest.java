package com.subscriptionsuite.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    static AccountDetails consumer() {
        return new AccountDetails(false, null, "Ann", "Example", "Hauptstr. 1", "10115", "Berlin", null, "DE",
                "ann@example.com", "+49 30 1234567", null, false, null, null, null, null, null, null, null, null,
                null, "", "EUR");
    }

    static AccountDetails company(String country, String vatId) {
        return new AccountDetails(true, "Acme GmbH", "Ann", "Example", "Ring 1", "1010", "Wien", null, country,
                "ann@acme.example", "+43 1 234", "3rd floor", false, null, null, null, null, null, null, null, null,
                null, vatId, null);
    }

    static AccountDetails withBilling(String first, String last, String street, String zip, String city,
            String country, String email) {
        AccountDetails c = consumer();
        return new AccountDetails(c.company(), c.companyName(), c.firstName(), c.lastName(), c.street(), c.zipCode(),
                c.city(), c.state(), c.country(), c.email(), c.phone(), c.additionalInfo(), true, first, last, street,
                null, zip, city, country, email, null, c.vatId(), c.currency());
    }

    private static List<String> fields(AccountDetails d) {
        return AccountRules.check(d).stream().map(AccountProblem::field).toList();
    }

    @Test
    void accepts_a_consumer_with_every_required_field_and_an_empty_vat_id() {
        assertThat(AccountRules.check(consumer())).isEmpty();
    }

    @Test
    void names_every_missing_required_field_of_the_seed_at_once() {
        AccountDetails empty = new AccountDetails(false, null, null, " ", null, null, null, null, null, null, null,
                null, false, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(fields(empty)).containsExactly("first_name", "last_name", "street", "zip_code", "city", "country",
                "email", "phone", "vat_id");
        assertThat(AccountRules.check(empty).get(0).message()).isEqualTo("first_name: is required");
    }

    @Nested
    class A_company {
        @Test
        void needs_a_company_name() {
            AccountDetails c = company("AT", "");
            AccountDetails nameless = new AccountDetails(true, "  ", c.firstName(), c.lastName(), c.street(),
                    c.zipCode(), c.city(), c.state(), c.country(), c.email(), c.phone(), c.additionalInfo(), false,
                    null, null, null, null, null, null, null, null, null, c.vatId(), c.currency());

            assertThat(fields(nameless)).containsExactly("company_name");
        }

        @Test
        void may_buy_without_a_vat_id() {
            assertThat(AccountRules.check(company("AT", ""))).isEmpty();
        }

        @Test
        void with_a_vat_id_that_passes_the_offline_check_is_fine() {
            assertThat(AccountRules.check(company("AT", "ATU13585627"))).isEmpty();
        }

        @Test
        void with_a_vat_id_that_fails_the_offline_check_is_refused_naming_vat_id() {
            List<AccountProblem> problems = AccountRules.check(company("AT", "ATU13585626"));

            assertThat(problems).extracting(AccountProblem::field).containsExactly("vat_id");
            assertThat(problems.get(0).message()).startsWith("vat_id: ").contains("ATU13585626");
        }
    }

    @Test
    void refuses_a_country_that_is_not_an_iso_3166_alpha_2_code() {
        AccountDetails c = consumer();
        for (String country : List.of("Germany", "de", "EL", "XX", "DEU")) {
            AccountDetails d = new AccountDetails(false, null, c.firstName(), c.lastName(), c.street(), c.zipCode(),
                    c.city(), null, country, c.email(), c.phone(), null, false, null, null, null, null, null, null,
                    null, null, null, "", null);
            assertThat(fields(d)).as(country).containsExactly("country");
        }
    }

    @Test
    void refuses_a_malformed_email_with_the_email_rule_s_reason() {
        AccountDetails c = consumer();
        AccountDetails d = new AccountDetails(false, null, c.firstName(), c.lastName(), c.street(), c.zipCode(),
                c.city(), null, "DE", "ann.example.com", c.phone(), null, false, null, null, null, null, null, null,
                null, null, null, "", null);

        assertThat(AccountRules.check(d)).containsExactly(
                new AccountProblem("email", "not an email address (name@domain)"));
    }

    @Nested
    class A_billing_address {
        @Test
        void needs_name_street_zip_city_and_country_when_it_is_announced() {
            assertThat(fields(withBilling(null, "", null, null, null, null, null))).containsExactly(
                    "billing_first_name", "billing_last_name", "billing_street", "billing_zip_code", "billing_city",
                    "billing_country");
        }

        @Test
        void is_checked_for_its_country_and_email() {
            assertThat(fields(withBilling("Bo", "Payer", "Rue 2", "75001", "Paris", "France", "bo@"))).containsExactly(
                    "billing_country", "billing_email");
        }

        @Test
        void complete_is_fine() {
            assertThat(AccountRules.check(withBilling("Bo", "Payer", "Rue 2", "75001", "Paris", "FR",
                    "bo@payer.example"))).isEmpty();
        }

        @Test
        void is_not_required_without_has_billing_address_but_a_billing_email_given_must_be_valid() {
            AccountDetails c = consumer();
            AccountDetails d = new AccountDetails(false, null, c.firstName(), c.lastName(), c.street(), c.zipCode(),
                    c.city(), null, "DE", c.email(), c.phone(), null, false, null, null, null, null, null, null,
                    null, "nope", null, "", null);

            assertThat(fields(d)).containsExactly("billing_email");
        }
    }

    @Test
    void refuses_texts_longer_than_255_characters() {
        AccountDetails c = consumer();
        String long256 = "x".repeat(256);
        AccountDetails d = new AccountDetails(false, null, long256, c.lastName(), c.street(), c.zipCode(),
                c.city(), null, "DE", c.email(), c.phone(), long256, false, null, null, null, null, null, null, null,
                null, null, "", null);

        assertThat(AccountRules.check(d)).containsExactly(
                new AccountProblem("first_name", "at most 255 characters"),
                new AccountProblem("additional_info", "at most 255 characters"));
    }

    @Nested
    class Text {
        private AccountDetails named(String first, String street, String additionalInfo) {
            AccountDetails c = consumer();
            return new AccountDetails(c.company(), c.companyName(), first, c.lastName(), street, c.zipCode(),
                    c.city(), c.state(), c.country(), c.email(), c.phone(), additionalInfo, false, null, null, null,
                    null, null, null, null, null, null, c.vatId(), c.currency());
        }

        @Test
        void keeps_names_in_every_script() {
            for (String name : List.of("Ἀριστοτέλης", "Пётр", "山田 太郎", "محمد", "Zoe\u0308", "👩\u200d👩\u200d👧")) {
                assertThat(AccountRules.check(named(name, "Hauptstr. 1", null))).as(name).isEmpty();
            }
        }

        @Test
        void trims_unicode_white_space_and_invisible_characters() {
            AccountDetails d = named("\u00a0\u200bAnn\u3000", " Hauptstr. 1\u202f", null);

            assertThat(d.firstName()).isEqualTo("Ann");
            assertThat(d.street()).isEqualTo("Hauptstr. 1");
            assertThat(AccountRules.check(d)).isEmpty();
        }

        @Test
        void calls_a_name_of_only_no_break_or_zero_width_spaces_missing() {
            assertThat(AccountRules.check(named("\u00a0\u00a0", "\u200b\u200b\u200b", null))).containsExactly(
                    new AccountProblem("first_name", "is required"), new AccountProblem("street", "is required"));
        }

        @Test
        void counts_length_in_characters_so_128_emoji_fit() {
            assertThat(AccountRules.check(named("😀".repeat(128), "Hauptstr. 1", null))).isEmpty();
            assertThat(fields(named("😀".repeat(256), "Hauptstr. 1", null))).containsExactly("first_name");
        }

        @Test
        void refuses_unsafe_characters_naming_each_field() {
            List<AccountProblem> problems = AccountRules.check(named("Ann\u0000", "Haupt\u202estr. 1", "a\ud800b"));

            assertThat(problems).extracting(AccountProblem::field)
                    .containsExactly("first_name", "street", "additional_info");
            assertThat(problems.get(0).reason()).contains("U+0000");
            assertThat(problems.get(1).reason()).contains("U+202E");
            assertThat(problems.get(2).reason()).contains("surrogate");
        }

        @Test
        void allows_line_breaks_only_in_the_additional_info() {
            assertThat(AccountRules.check(named("Ann", "Hauptstr. 1", "c/o Example\n3rd floor"))).isEmpty();
            assertThat(AccountRules.check(named("Ann\nExample", "Hauptstr.\r\n1", null)))
                    .extracting(AccountProblem::field).containsExactly("first_name", "street");
        }
    }
}
