package com.subscriptionsuite.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VatRatesTest {

    private final VatRates eu = VatRates.euStandardRates();

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "EE, 2023-12-31, 0.20",
            "EE, 2024-01-01, 0.22",
            "EE, 2025-06-30, 0.22",
            "EE, 2025-07-01, 0.24",
            "RO, 2025-07-31, 0.19",
            "RO, 2025-08-01, 0.21",
            "SK, 2024-12-31, 0.20",
            "SK, 2025-01-01, 0.23",
            "FI, 2024-08-31, 0.24",
            "FI, 2024-09-01, 0.255",
            "LU, 2022-12-31, 0.17",
            "LU, 2023-01-01, 0.16",
            "LU, 2023-12-31, 0.16",
            "LU, 2024-01-01, 0.17",
            "IE, 2021-02-28, 0.21",
            "IE, 2021-03-01, 0.23",
    })
    void rate_changes_apply_from_their_effective_date(String country, LocalDate on, BigDecimal expected) {
        assertThat(eu.standardRate(country, on).get()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "AT, 0.20", "BE, 0.21", "BG, 0.20", "CY, 0.19", "CZ, 0.21", "DE, 0.19", "DK, 0.25",
            "EE, 0.24", "ES, 0.21", "FI, 0.255", "FR, 0.20", "GR, 0.24", "HR, 0.25", "HU, 0.27",
            "IE, 0.23", "IT, 0.22", "LT, 0.21", "LU, 0.17", "LV, 0.21", "MT, 0.18", "NL, 0.21",
            "PL, 0.23", "PT, 0.23", "RO, 0.21", "SE, 0.25", "SI, 0.22", "SK, 0.23",
    })
    void every_member_state_has_its_current_standard_rate(String country, BigDecimal expected) {
        assertThat(eu.isMemberState(country)).isTrue();
        assertThat(eu.standardRate(country, LocalDate.of(2026, 1, 1)).get()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} is not a member state")
    @ValueSource(strings = {"GB", "XI", "CH", "US", "NO", "EL", "EU", ""})
    void countries_outside_the_eu_are_not_member_states(String country) {
        assertThat(eu.isMemberState(country)).isFalse();
        assertThat(eu.standardRate(country, LocalDate.of(2026, 1, 1))).isEqualTo(Option.none());
    }

    @Test
    void null_country_is_not_a_member_state() {
        assertThat(eu.isMemberState(null)).isFalse();
        assertThat(eu.standardRate(null, LocalDate.of(2026, 1, 1))).isEqualTo(Option.none());
    }

    @Test
    void country_codes_are_compared_upper_case() {
        assertThat(eu.isMemberState("de")).isTrue();
        assertThat(eu.standardRate("de", LocalDate.of(2026, 1, 1)).get()).isEqualByComparingTo("0.19");
    }

    @Test
    void dates_before_the_table_starts_have_no_rate() {
        assertThat(eu.standardRate("DE", LocalDate.of(2020, 12, 31))).isEqualTo(Option.none());
        assertThat(eu.standardRate("DE", LocalDate.of(2021, 1, 1)).get()).isEqualByComparingTo("0.19");
    }

    @Test
    void a_tenant_can_supply_its_own_dated_table_in_any_order() {
        VatRates rates = VatRates.of(List.of(
                new DatedRate("ch", LocalDate.of(2024, 1, 1), new BigDecimal("0.081")),
                new DatedRate("CH", LocalDate.of(2018, 1, 1), new BigDecimal("0.077"))));

        assertThat(rates.isMemberState("CH")).isTrue();
        assertThat(rates.isMemberState("DE")).isFalse();
        assertThat(rates.standardRate("CH", LocalDate.of(2017, 12, 31))).isEqualTo(Option.none());
        assertThat(rates.standardRate("CH", LocalDate.of(2023, 12, 31)).get()).isEqualByComparingTo("0.077");
        assertThat(rates.standardRate("CH", LocalDate.of(2024, 1, 1)).get()).isEqualByComparingTo("0.081");
    }

    @Test
    void two_rates_for_the_same_country_and_day_are_refused() {
        List<DatedRate> rows = List.of(
                new DatedRate("DE", LocalDate.of(2021, 1, 1), new BigDecimal("0.19")),
                new DatedRate("DE", LocalDate.of(2021, 1, 1), new BigDecimal("0.16")));

        assertThatThrownBy(() -> VatRates.of(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DE");
    }

    @ParameterizedTest(name = "rate {0} is refused")
    @ValueSource(strings = {"-0.01", "1", "19"})
    void rates_must_be_fractions_between_zero_and_one(String rate) {
        assertThatThrownBy(() -> new DatedRate("DE", LocalDate.of(2021, 1, 1), new BigDecimal(rate)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "country ''{0}'' is refused")
    @ValueSource(strings = {"", "D", "DEU", "1A"})
    void countries_must_be_two_letter_codes(String country) {
        assertThatThrownBy(() -> new DatedRate(country, LocalDate.of(2021, 1, 1), new BigDecimal("0.19")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dated_rates_with_the_same_rate_at_another_scale_are_equal() {
        DatedRate a = new DatedRate("FI", LocalDate.of(2024, 9, 1), new BigDecimal("0.255"));
        DatedRate b = new DatedRate("fi", LocalDate.of(2024, 9, 1), new BigDecimal("0.2550"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
