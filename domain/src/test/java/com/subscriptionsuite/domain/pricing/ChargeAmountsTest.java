package com.subscriptionsuite.domain.pricing;

import static com.subscriptionsuite.domain.pricing.Charges.d;
import static com.subscriptionsuite.domain.pricing.Charges.flatTier;
import static com.subscriptionsuite.domain.pricing.Charges.monthly;
import static com.subscriptionsuite.domain.pricing.Charges.overageTier;
import static com.subscriptionsuite.domain.pricing.Charges.tier;
import static com.subscriptionsuite.domain.pricing.Charges.withIncludedUnits;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargeAmountsTest {
    // domain-rules §2 vector: 1–1,000 @ 0.10, 1,001–10,000 @ 0.05, 10,001+ @ 0.01
    static final List<Tier> VECTOR_TIERS = List.of(tier("1", "1000", "0.10"), tier("1001", "10000", "0.05"),
            tier("10001", null, "0.01"));

    private static BigDecimal amount(Charge c, String quantity) {
        return ChargeAmounts.listAmount(c, c.tiersIn(Charges.EUR), d(quantity));
    }

    @ParameterizedTest(name = "quantity {0}: tiered {1}, volume {2}")
    @CsvSource({
        "15000, 600.00, 150.00",
        "0,     0,      0",
        "1,     0.10,   0.10",
        "1000,  100.00, 100.00",
        "1001,  100.05, 50.05",
        "10000, 550.00, 500.00",
        "10001, 550.01, 100.01",
    })
    void tiered_and_volume_follow_the_domain_rules_vector(String quantity, String tiered, String volume) {
        assertThat(amount(monthly(1, ChargeModel.TIERED, VECTOR_TIERS), quantity)).isEqualByComparingTo(tiered);
        assertThat(amount(monthly(2, ChargeModel.VOLUME, VECTOR_TIERS), quantity)).isEqualByComparingTo(volume);
    }

    @Test
    void tiers_starting_at_zero_read_like_tiers_starting_at_one() {
        Charge zeroBased = monthly(1, ChargeModel.TIERED,
                List.of(tier("0", "50", "2"), tier("51", "100", "1"), tier("101", null, "0.5")));
        assertThat(amount(zeroBased, "50")).isEqualByComparingTo("100");
        assertThat(amount(zeroBased, "51")).isEqualByComparingTo("101");
        assertThat(amount(zeroBased, "120")).isEqualByComparingTo("160");
    }

    @Nested
    class A_flat_fee_tier {
        final Charge tiered = monthly(1, ChargeModel.TIERED,
                List.of(flatTier("1", "10", "50"), tier("11", null, "4")));
        final Charge volume = monthly(2, ChargeModel.VOLUME,
                List.of(flatTier("1", "10", "50"), flatTier("11", null, "80")));

        @Test
        void adds_its_price_once_when_any_unit_falls_in_it() {
            assertThat(amount(tiered, "1")).isEqualByComparingTo("50");
            assertThat(amount(tiered, "10")).isEqualByComparingTo("50");
            assertThat(amount(tiered, "12")).isEqualByComparingTo("58");
        }

        @Test
        void is_the_whole_price_of_a_volume_charge_whatever_the_quantity_in_it() {
            assertThat(amount(volume, "7")).isEqualByComparingTo("50");
            assertThat(amount(volume, "500")).isEqualByComparingTo("80");
        }

        @Test
        void costs_nothing_when_no_unit_falls_in_it() {
            assertThat(amount(tiered, "0")).isEqualByComparingTo("0");
            assertThat(amount(volume, "0")).isEqualByComparingTo("0");
        }
    }

    @ParameterizedTest(name = "flat fee {0} whatever quantity {1}")
    @CsvSource({"29.90, 1", "29.90, 7"})
    void flat_fee_ignores_the_quantity(String price, String quantity) {
        Charge c = monthly(1, ChargeModel.FLAT_FEE, List.of(tier("0", null, price)));
        assertThat(amount(c, quantity)).isEqualByComparingTo(price);
    }

    @ParameterizedTest(name = "per unit {0} x {1} = {2}")
    @CsvSource({"4.99, 3, 14.97", "0.333, 3, 0.999", "12, 0, 0"})
    void per_unit_multiplies_exactly_before_rounding(String price, String quantity, String expected) {
        Charge c = monthly(1, ChargeModel.PER_UNIT, List.of(tier("0", null, price)));
        assertThat(amount(c, quantity)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "overage: {0} units with 100 included = {1}")
    @CsvSource({"0, 0", "100, 0", "101, 0.25", "140, 10.00"})
    void overage_charges_only_the_units_above_the_included_ones(String quantity, String expected) {
        Charge c = withIncludedUnits(monthly(1, ChargeModel.OVERAGE, List.of(overageTier("0.25"))), "100");
        assertThat(amount(c, quantity)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "tiered with overage: {0} units = {1}")
    @CsvSource({"0, 0", "10, 10", "30, 30", "35, 32.50", "50, 40"})
    void tiered_with_overage_prices_units_above_the_last_tier_at_the_overage_price(String quantity,
            String expected) {
        // 1–10 @ 1.00, 11–30 @ 1.00 (graduated), then 0.50 above 30
        Charge c = monthly(1, ChargeModel.TIERED_WITH_OVERAGE,
                List.of(tier("1", "10", "1"), tier("11", "30", "1"), overageTier("0.5")));
        assertThat(amount(c, quantity)).isEqualByComparingTo(expected);
    }

    @Test
    void discount_charges_have_no_amount_of_their_own() {
        Charge c = monthly(1, ChargeModel.DISCOUNT_PERCENTAGE, List.of(tier("0", null, "10")));
        assertThat(amount(c, "3")).isEqualByComparingTo("0");
    }

    @Test
    void usage_is_listed_with_the_first_regular_tier_price() {
        assertThat(ChargeAmounts.unitPrice(List.of(overageTier("0.9"), tier("0", null, "0.02"))))
                .isEqualByComparingTo("0.02");
    }
}
