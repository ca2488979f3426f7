package com.subscriptionsuite.domain.tenant;

import static com.subscriptionsuite.domain.tenant.TenantFixture.EUR;
import static com.subscriptionsuite.domain.tenant.TenantFixture.USD;
import static com.subscriptionsuite.domain.tenant.TenantFixture.flat;
import static com.subscriptionsuite.domain.tenant.TenantFixture.overage;
import static com.subscriptionsuite.domain.tenant.TenantFixture.page;
import static com.subscriptionsuite.domain.tenant.TenantFixture.step;
import static com.subscriptionsuite.domain.tenant.TenantFixture.tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.ChangeKind;
import com.subscriptionsuite.domain.catalog.ChangeOption;
import com.subscriptionsuite.domain.catalog.ChangeRules;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.domain.tax.VatId;
import com.subscriptionsuite.domain.tenant.TenantFixture.ChargeSpec;
import com.subscriptionsuite.domain.tenant.TenantFixture.RatePlanSpec;
import com.subscriptionsuite.domain.tenant.TenantFixture.SuiteProductSpec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantRulesTest {
    private static final String CHARGE_10 = "$.catalog.rate_plans[0].charges[0]";
    private static final String CHARGE_20 = "$.catalog.rate_plans[1].charges[0]";

    private final TenantFixture f = new TenantFixture();

    private List<Problem> problems() {
        return TenantRules.check(f.build());
    }

    private void assertOnly(String path, String reason) {
        assertThat(problems()).containsExactly(new Problem(path, reason));
    }

    @Test
    void accepts_the_valid_fixture() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void reports_several_problems_together_in_rule_order() {
        f.country = "CH";
        f.languages.set(1, new Language(2, "en", true, true));
        f.charge(20).tiers.set(1, tier(EUR, "1002", "10000", "0.05"));
        f.suiteProduct(2).ratePlanId = 99;
        f.pages.set(0, page(1, step(1, 1, 1L, 3L)));
        f.staticTexts.put("fr", Map.of("cart", "Panier"));

        assertThat(problems()).containsExactly(
                new Problem("$.tenant.seller.country", "seller country CH is not an EU member state"),
                new Problem("$.languages", "2 languages are the default (de, en); exactly one must be"),
                new Problem(CHARGE_20 + ".tiers[1].starting_unit",
                        "starting_unit must be 1001 (the previous tier in EUR ends at 1000); found 1002"),
                new Problem("$.catalog.suite_products[1].rate_plan_id", "no rate plan with id 99"),
                new Problem("$.catalog.pages[0].steps[0].suite_products[1]", "no suite product with id 3"),
                new Problem("$.translations.static.fr", "'fr' is not one of the tenant's languages (de, en)"));
    }

    @Nested
    class Tenant_and_seller {
        @Test
        void refuses_a_key_with_spaces() {
            f.key = "my shop";
            assertOnly("$.tenant.key", "tenant key 'my shop' must start with a letter or digit and contain only "
                    + "letters, digits, '.', '_' and '-'");
        }

        @Test
        void refuses_cors_origins_that_are_not_bare_origins_or_are_listed_twice() {
            f.corsOrigins.add("https://shop.example.com/");
            f.corsOrigins.add("HTTPS://Shop.example.com");
            f.corsOrigins.add("http://localhost:4200");
            f.corsOrigins.add("https://shop.example.com");
            assertThat(problems()).extracting(Problem::path).containsExactly("$.access.cors_origins[1]",
                    "$.access.cors_origins[2]", "$.access.cors_origins[4]");
        }

        @Test
        void refuses_an_admin_key_given_in_clear_or_named_twice() {
            f.adminKeys.add(new TenantAccess.AdminKey("ops", "my-secret-admin-key"));
            assertThat(problems()).extracting(Problem::path).containsExactly("$.access.admin_keys[1].name",
                    "$.access.admin_keys[1].sha256");
        }

        @Test
        void refuses_an_upper_case_host() {
            f.hosts.add("Shop.Example.org");
            assertOnly("$.tenant.hosts[1]", "host name 'Shop.Example.org' must be lower-case");
        }

        @Test
        void refuses_a_host_listed_twice() {
            f.hosts.add("shop.example.com");
            assertOnly("$.tenant.hosts[1]", "host name 'shop.example.com' is listed twice (also at $.tenant.hosts[0])");
        }

        @Test
        void refuses_a_host_with_a_port() {
            f.hosts.set(0, "shop.example.com:8080");
            assertOnly("$.tenant.hosts[0]",
                    "'shop.example.com:8080' is not a bare host name (letters, digits, '.' and '-'; no scheme, port or path)");
        }

        @Test
        void refuses_a_seller_outside_the_eu() {
            f.country = "CH";
            f.vatId = null;
            assertOnly("$.tenant.seller.country", "seller country CH is not an EU member state");
        }

        @Test
        void refuses_a_lower_case_seller_country() {
            f.country = "de";
            assertOnly("$.tenant.seller.country", "'de' is not an upper-case ISO 3166 country code such as DE");
        }

        @Test
        void refuses_a_seller_vat_id_with_a_bad_check_digit() {
            f.vatId = "DE136695978";
            String reason = VatId.parse("DE136695978").getLeft().reason();
            assertOnly("$.tenant.seller.vat_id", reason);
        }

        @Test
        void refuses_a_seller_vat_id_of_another_member_state() {
            f.vatId = "FR40303265045";
            assertOnly("$.tenant.seller.vat_id", "VAT ID FR40303265045 belongs to FR, not to the seller country DE");
        }

        @Test
        void accepts_a_seller_without_address_and_one_written_in_any_script() {
            f.sellerAddress = null;
            assertThat(problems()).isEmpty();
            f.sellerAddress = new SellerAddress("Οδός Ερμού 10", "105 63", "Αθήνα", "Αττική");
            assertThat(problems()).isEmpty();
        }

        @Test
        void refuses_a_blank_seller_street_and_postcode() {
            f.sellerAddress = new SellerAddress("  ", "", "Berlin", null);
            assertThat(problems()).containsExactly(
                    new Problem("$.tenant.seller.address.street", "must not be blank"),
                    new Problem("$.tenant.seller.address.postcode", "must not be blank"));
        }

        @Test
        void refuses_a_seller_city_with_a_line_break_and_a_blank_region() {
            f.sellerAddress = new SellerAddress("Hauptstraße 1", "10115", "Berlin\nMitte", " ");
            assertThat(problems()).containsExactly(
                    new Problem("$.tenant.seller.address.city",
                            "must be one line (no line breaks or control characters)"),
                    new Problem("$.tenant.seller.address.region", "must not be blank"));
        }

        @Test
        void accepts_a_seller_without_vat_id() {
            f.vatId = null;
            assertThat(problems()).isEmpty();
        }
    }

    @Nested
    class Languages {
        @Test
        void need_a_default() {
            f.languages.set(0, new Language(1, "de", true, false));
            assertOnly("$.languages", "no language is the default; exactly one must have is_default true");
        }

        @Test
        void need_exactly_one_default() {
            f.languages.set(1, new Language(2, "en", true, true));
            assertOnly("$.languages", "2 languages are the default (de, en); exactly one must be");
        }

        @Test
        void need_the_default_to_be_active() {
            f.languages.set(0, new Language(1, "de", false, true));
            assertOnly("$.languages[0].is_active", "the default language 'de' must be active");
        }

        @Test
        void need_unique_codes() {
            f.languages.add(new Language(3, "DE", false, false));
            assertOnly("$.languages[2].code", "language 'DE' is listed twice (also at $.languages[0])");
        }

        @Test
        void need_unique_ids() {
            f.languages.add(new Language(2, "fr", true, false));
            assertOnly("$.languages[2].id", "language id 2 is listed twice (also at $.languages[1])");
        }

        @Test
        void need_at_least_one() {
            f.languages.clear();
            f.staticTexts.clear();
            f.dynamicTexts.clear();
            assertOnly("$.languages", "at least one language is required");
        }
    }

    @Nested
    class Currencies {
        @Test
        void need_a_default() {
            f.currencies.set(0, new CurrencySetting(1, EUR, true, false, ",", "."));
            assertOnly("$.currencies", "no currency is the default; exactly one must have is_default true");
        }

        @Test
        void need_exactly_one_default() {
            f.currencies.set(1, new CurrencySetting(2, USD, true, true, ".", ","));
            assertOnly("$.currencies", "2 currencies are the default (EUR, USD); exactly one must be");
        }

        @Test
        void need_the_default_to_be_active() {
            f.currencies.set(0, new CurrencySetting(1, EUR, false, true, ",", "."));
            assertOnly("$.currencies[0].is_active", "the default currency EUR must be active");
        }

        @Test
        void need_unique_iso_codes() {
            f.currencies.add(new CurrencySetting(3, EUR, false, false, ",", "."));
            assertOnly("$.currencies[2].iso_code", "currency EUR is listed twice (also at $.currencies[0])");
        }

        @Test
        void need_unique_ids() {
            f.currencies.add(new CurrencySetting(1, CurrencyUnit.GBP, false, false, ".", ","));
            assertOnly("$.currencies[2].id", "currency id 1 is listed twice (also at $.currencies[0])");
        }

        @Test
        void need_different_separators() {
            f.currencies.set(1, new CurrencySetting(2, USD, true, false, ".", "."));
            assertOnly("$.currencies[1].thousands_separator",
                    "the thousands separator '.' must differ from the decimal separator");
        }
    }

    @Nested
    class References {
        @Test
        void rate_plan_needs_an_existing_product() {
            f.ratePlan(20).productId = 5;
            assertOnly("$.catalog.rate_plans[1].product_id", "no product with id 5");
        }

        @Test
        void suite_product_needs_an_existing_rate_plan() {
            f.suiteProduct(1).ratePlanId = 11;
            assertOnly("$.catalog.suite_products[0].rate_plan_id", "no rate plan with id 11");
        }

        @Test
        void page_step_needs_existing_suite_products() {
            f.pages.set(0, page(1, step(1, 1, 1L, 2L, 9L)));
            assertOnly("$.catalog.pages[0].steps[0].suite_products[2]", "no suite product with id 9");
        }

        @Test
        void page_step_lists_a_suite_product_once() {
            f.pages.set(0, page(1, step(1, 1, 1L, 2L, 1L)));
            assertOnly("$.catalog.pages[0].steps[0].suite_products[2]", "suite product 1 is listed twice in this step");
        }

        @Test
        void change_option_needs_an_existing_target() {
            f.suiteProduct(2).changeOptions.set(0, new ChangeOption(2, 8, ChangeKind.DOWNGRADE));
            assertOnly("$.catalog.suite_products[1].change_options[0].target_suite_product_id",
                    "no suite product with id 8");
        }

        @Test
        void change_option_cannot_target_its_own_suite_product() {
            f.suiteProduct(2).changeOptions.add(new ChangeOption(3, 2, ChangeKind.UPGRADE));
            assertOnly("$.catalog.suite_products[1].change_options[1].target_suite_product_id",
                    "a suite product cannot be changed into itself");
        }

        @Test
        void add_on_needs_an_existing_suite_product() {
            f.suiteProduct(1).addOns.add(4L);
            assertOnly("$.catalog.suite_products[0].add_ons[1]", "no suite product with id 4");
        }

        @Test
        void add_on_cannot_be_its_own_suite_product() {
            f.suiteProduct(2).addOns.add(2L);
            assertOnly("$.catalog.suite_products[1].add_ons[0]", "a suite product cannot be its own add-on");
        }
    }

    @Nested
    class Unique_ids {
        @Test
        void of_charges_across_rate_plans() {
            f.charge(20).id = 100;
            assertOnly(CHARGE_20 + ".id", "charge id 100 is listed twice (also at " + CHARGE_10 + ")");
        }

        @Test
        void of_steps_across_pages() {
            f.pages.add(page(2, step(1, 1, 2L)));
            assertOnly("$.catalog.pages[1].steps[0].id", "step id 1 is listed twice (also at $.catalog.pages[0].steps[0])");
        }

        @Test
        void of_step_numbers_on_a_page() {
            f.pages.set(0, page(1, step(1, 1, 1L), step(2, 1, 2L)));
            assertOnly("$.catalog.pages[0].steps[1].number",
                    "step number 1 is used twice on this page (also at $.catalog.pages[0].steps[0])");
        }

        @Test
        void of_change_options_across_suite_products() {
            f.suiteProduct(2).changeOptions.set(0, new ChangeOption(1, 1, ChangeKind.DOWNGRADE));
            assertOnly("$.catalog.suite_products[1].change_options[0].id",
                    "change option id 1 is listed twice (also at $.catalog.suite_products[0].change_options[0])");
        }
    }

    @Nested
    class Currencies_of_charges {
        @Test
        void a_charge_of_an_offered_rate_plan_is_priced_in_every_active_currency() {
            f.charge(10).tiers.remove(1);
            assertOnly(CHARGE_10 + ".tiers", "no tier in USD, which the tenant sells in (rate plan 10 is offered by suite product 1)");
        }

        @Test
        void an_inactive_currency_needs_no_price() {
            f.currencies.set(1, new CurrencySetting(2, USD, false, false, ".", ","));
            f.charge(10).tiers.remove(1);
            assertThat(problems()).isEmpty();
        }

        @Test
        void a_rate_plan_no_suite_product_offers_needs_not_be_priced_everywhere() {
            f.ratePlans.add(new RatePlanSpec(30, 1, new ChargeSpec(300, ChargeModel.PER_UNIT, tier(EUR, "0", null, "1"))));
            assertThat(problems()).isEmpty();
        }

        @Test
        void a_tier_currency_must_be_a_tenant_currency() {
            f.charge(10).tiers.add(tier(CurrencyUnit.GBP, "0", null, "9.00"));
            assertOnly(CHARGE_10 + ".tiers[2].currency", "GBP is not one of the tenant's currencies (EUR, USD)");
        }

        @Test
        void an_offered_rate_plan_needs_charges() {
            f.ratePlan(20).charges.clear();
            assertOnly("$.catalog.rate_plans[1].charges", "rate plan 20 is offered by suite product 2 but has no charges");
        }
    }

    @Nested
    class Graduated_tiers {
        private void eurTiers(Tier... tiers) {
            ChargeSpec c = f.charge(20);
            c.tiers.removeIf(t -> t.currency().equals(EUR));
            c.tiers.addAll(0, List.of(tiers));
        }

        @Test
        void may_start_at_zero() {
            eurTiers(tier(EUR, "0", "1000", "0.10"), tier(EUR, "1001", null, "0.05"));
            assertThat(problems()).isEmpty();
        }

        @Test
        void must_start_at_zero_or_one() {
            eurTiers(tier(EUR, "2", "1000", "0.10"), tier(EUR, "1001", null, "0.05"));
            assertOnly(CHARGE_20 + ".tiers[0].starting_unit", "the first tier in EUR must start at 0 or 1; found 2");
        }

        @Test
        void must_not_leave_a_gap() {
            eurTiers(tier(EUR, "1", "1000", "0.10"), tier(EUR, "1005", null, "0.05"));
            assertOnly(CHARGE_20 + ".tiers[1].starting_unit",
                    "starting_unit must be 1001 (the previous tier in EUR ends at 1000); found 1005");
        }

        @Test
        void must_not_overlap_with_decimal_style_bounds() {
            eurTiers(tier(EUR, "1", "1000", "0.10"), tier(EUR, "1000", null, "0.05"));
            assertOnly(CHARGE_20 + ".tiers[1].starting_unit",
                    "starting_unit must be 1001 (the previous tier in EUR ends at 1000); found 1000");
        }

        @Test
        void must_ascend() {
            eurTiers(tier(EUR, "1001", null, "0.05"), tier(EUR, "1", "1000", "0.10"));
            assertThat(problems()).containsExactly(
                    new Problem(CHARGE_20 + ".tiers[0].starting_unit", "the first tier in EUR must start at 0 or 1; found 1001"),
                    new Problem(CHARGE_20 + ".tiers[0].ending_unit",
                            "only the last tier in EUR may be unbounded; give this tier an ending_unit"));
        }

        @Test
        void may_leave_only_the_last_tier_unbounded() {
            eurTiers(tier(EUR, "1", null, "0.10"), tier(EUR, "1001", null, "0.05"));
            assertOnly(CHARGE_20 + ".tiers[0].ending_unit",
                    "only the last tier in EUR may be unbounded; give this tier an ending_unit");
        }

        @Test
        void must_not_end_below_their_start() {
            eurTiers(tier(EUR, "1", "0", "0.10"), tier(EUR, "1", null, "0.05"));
            assertOnly(CHARGE_20 + ".tiers[0].ending_unit", "ending_unit 0 is below starting_unit 1");
        }

        @Test
        void are_checked_per_currency() {
            f.charge(20).tiers.set(4, tier(USD, "1002", "10000", "0.06"));
            assertOnly(CHARGE_20 + ".tiers[4].starting_unit",
                    "starting_unit must be 1001 (the previous tier in USD ends at 1000); found 1002");
        }

        @Test
        void apply_to_volume_charges_too() {
            f.charge(20).model = ChargeModel.VOLUME;
            f.charge(20).tiers.set(2, tier(EUR, "10000", null, "0.01"));
            assertOnly(CHARGE_20 + ".tiers[2].starting_unit",
                    "starting_unit must be 10001 (the previous tier in EUR ends at 10000); found 10000");
        }

        @Test
        void have_no_overage_tier_in_a_tiered_charge() {
            f.charge(20).tiers.add(overage(EUR, "0.20"));
            assertOnly(CHARGE_20 + ".tiers[6].is_overage_price",
                    "only Overage and TieredWithOverage charges have an overage tier; this is a Tiered charge");
        }
    }

    @Nested
    class Overage {
        @Test
        void tiered_with_overage_needs_an_overage_tier() {
            ChargeSpec c = f.charge(20);
            c.model = ChargeModel.TIERED_WITH_OVERAGE;
            c.tiers = new ArrayList<>(List.of(
                    tier(EUR, "1", "1000", "0.10"), tier(EUR, "1001", "10000", "0.05"),
                    tier(USD, "1", "1000", "0.12"), tier(USD, "1001", "10000", "0.06"), overage(USD, "0.03")));
            assertOnly(CHARGE_20 + ".tiers", "a TieredWithOverage charge needs exactly one overage tier "
                    + "(is_overage_price true) per currency; found 0 in EUR");
        }

        @Test
        void tiered_with_overage_keeps_its_last_regular_tier_bounded() {
            ChargeSpec c = f.charge(20);
            c.model = ChargeModel.TIERED_WITH_OVERAGE;
            c.tiers = new ArrayList<>(List.of(
                    tier(EUR, "1", "1000", "0.10"), tier(EUR, "1001", null, "0.05"), overage(EUR, "0.02"),
                    tier(USD, "1", "1000", "0.12"), tier(USD, "1001", "10000", "0.06"), overage(USD, "0.03")));
            assertOnly(CHARGE_20 + ".tiers[1].ending_unit", "the last regular tier in EUR of a TieredWithOverage "
                    + "charge must be bounded: units above it cost the overage price");
        }

        @Test
        void tiered_with_overage_is_valid_with_bounded_tiers_and_one_overage_tier() {
            ChargeSpec c = f.charge(20);
            c.model = ChargeModel.TIERED_WITH_OVERAGE;
            c.tiers = new ArrayList<>(List.of(
                    tier(EUR, "1", "1000", "0.10"), overage(EUR, "0.02"),
                    tier(USD, "1", "1000", "0.12"), overage(USD, "0.03")));
            assertThat(problems()).isEmpty();
        }

        @Test
        void overage_charge_has_its_overage_price_as_only_tier() {
            ChargeSpec c = f.charge(10);
            c.model = ChargeModel.OVERAGE;
            c.includedUnits = BigDecimal.TEN;
            c.tiers = new ArrayList<>(List.of(overage(EUR, "0.50"), tier(USD, "0", null, "0.60")));
            assertOnly(CHARGE_10 + ".tiers[1].is_overage_price",
                    "an Overage charge's tier is its overage price and needs is_overage_price true");
        }

        @Test
        void included_units_belong_to_overage_charges() {
            f.charge(10).includedUnits = BigDecimal.TEN;
            assertOnly(CHARGE_10 + ".included_units",
                    "only Overage and TieredWithOverage charges include units; this is a PerUnit charge");
        }
    }

    @Nested
    class Single_tier_charges {
        @Test
        void a_flat_fee_has_one_tier_per_currency() {
            ChargeSpec c = f.charge(10);
            c.model = ChargeModel.FLAT_FEE;
            c.tiers = new ArrayList<>(List.of(flat(EUR, "49"), flat(EUR, "59"), flat(USD, "55")));
            assertOnly(CHARGE_10 + ".tiers", "a FlatFee charge has exactly one tier per currency; found 2 in EUR");
        }

        @Test
        void a_per_unit_tier_is_priced_per_unit() {
            f.charge(10).tiers.set(0, new Tier(EUR, BigDecimal.ZERO, null, BigDecimal.TEN, PriceFormat.FLAT_FEE, false));
            assertOnly(CHARGE_10 + ".tiers[0].price_format",
                    "a PerUnit charge's tier has price_format PerUnit; found FlatFee");
        }

        @Test
        void a_price_is_not_negative() {
            f.charge(10).tiers.set(1, tier(USD, "0", null, "-1.00"));
            assertOnly(CHARGE_10 + ".tiers[1].price", "a price must not be negative; found -1.00");
        }

        @Test
        void a_price_may_be_zero() {
            f.charge(10).tiers.set(1, tier(USD, "0", null, "0"));
            assertThat(problems()).isEmpty();
        }
    }

    @Nested
    class Discounts {
        private ChargeSpec discount(ChargeModel model, String eur, String usd) {
            ChargeSpec c = new ChargeSpec(101, model, flat(EUR, eur), flat(USD, usd));
            c.appliesTo = Set.of(ChargeType.RECURRING);
            f.ratePlan(10).charges.add(c);
            return c;
        }

        @Test
        void a_valid_percentage_discount_passes() {
            discount(ChargeModel.DISCOUNT_PERCENTAGE, "100", "10");
            assertThat(problems()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"0", "-5", "100.01", "150"})
        void a_percentage_is_above_0_and_at_most_100(String percent) {
            discount(ChargeModel.DISCOUNT_PERCENTAGE, percent, "10");
            assertOnly("$.catalog.rate_plans[0].charges[1].tiers[0].price",
                    "a percentage discount must be greater than 0 and at most 100; found " + percent);
        }

        @Test
        void a_fixed_amount_is_above_0() {
            discount(ChargeModel.DISCOUNT_FIXED_AMOUNT, "5.00", "0");
            assertOnly("$.catalog.rate_plans[0].charges[1].tiers[1].price",
                    "a fixed-amount discount must be greater than 0; found 0");
        }

        @Test
        void a_discount_names_what_it_applies_to() {
            discount(ChargeModel.DISCOUNT_PERCENTAGE, "10", "10").appliesTo = Set.of();
            assertOnly("$.catalog.rate_plans[0].charges[1].applies_to",
                    "a discount charge must name the charge types it applies to (OneTime, Recurring, Usage)");
        }

        @Test
        void only_a_discount_takes_applies_to() {
            f.charge(10).appliesTo = Set.of(ChargeType.ONE_TIME);
            assertOnly(CHARGE_10 + ".applies_to", "only discount charges take applies_to; this is a PerUnit charge");
        }

        @Test
        void a_percentage_discount_needs_no_price_in_every_currency() {
            ChargeSpec c = discount(ChargeModel.DISCOUNT_PERCENTAGE, "10", "10");
            c.tiers.remove(1);
            assertThat(problems()).isEmpty();
        }
    }

    @Nested
    class Quantities_and_periods {
        @Test
        void min_is_not_above_max() {
            f.charge(10).minQuantity = BigDecimal.TEN;
            f.charge(10).maxQuantity = BigDecimal.valueOf(5);
            f.charge(10).defaultQuantity = null;
            assertOnly(CHARGE_10 + ".max_quantity", "max_quantity 5 is less than min_quantity 10");
        }

        @Test
        void limits_are_positive() {
            f.charge(10).minQuantity = BigDecimal.ZERO;
            f.charge(10).maxQuantity = BigDecimal.valueOf(-1);
            f.charge(10).defaultQuantity = null;
            assertThat(problems()).containsExactly(
                    new Problem(CHARGE_10 + ".min_quantity", "min_quantity must be greater than 0; found 0"),
                    new Problem(CHARGE_10 + ".max_quantity", "max_quantity must be greater than 0; found -1"),
                    new Problem(CHARGE_10 + ".max_quantity", "max_quantity -1 is less than min_quantity 0"));
        }

        @Test
        void the_default_quantity_is_within_the_limits() {
            f.charge(10).minQuantity = BigDecimal.valueOf(5);
            assertOnly(CHARGE_10 + ".default_quantity", "default_quantity 1 is outside min_quantity..max_quantity (5..)");
        }

        @Test
        void a_recurring_charge_needs_a_billing_period() {
            f.charge(10).period = null;
            assertOnly(CHARGE_10 + ".billing_period", "a Recurring charge needs a billing period");
        }

        @Test
        void a_one_time_charge_needs_no_billing_period() {
            f.charge(10).type = ChargeType.ONE_TIME;
            f.charge(10).period = null;
            assertThat(problems()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"SPECIFIC_MONTHS, Specific_Months", "SPECIFIC_WEEKS, Specific_Weeks", "SPECIFIC_DAYS, Specific_Days"})
        void a_specific_period_needs_its_length(BillingPeriod period, String wireName) {
            f.charge(10).period = period;
            assertOnly(CHARGE_10 + ".specific_billing_period",
                    "billing period " + wireName + " needs a specific_billing_period greater than 0");
        }

        @Test
        void a_specific_period_length_is_positive() {
            f.charge(10).period = BillingPeriod.SPECIFIC_MONTHS;
            f.charge(10).specificPeriod = 0;
            assertOnly(CHARGE_10 + ".specific_billing_period",
                    "billing period Specific_Months needs a specific_billing_period greater than 0");
        }

        @Test
        void a_specific_period_with_its_length_passes() {
            f.charge(10).period = BillingPeriod.SPECIFIC_MONTHS;
            f.charge(10).specificPeriod = 3;
            assertThat(problems()).isEmpty();
        }

        @Test
        void only_a_specific_period_takes_a_length() {
            f.charge(10).specificPeriod = 3;
            assertOnly(CHARGE_10 + ".specific_billing_period",
                    "only the billing periods Specific_Months, Specific_Weeks and Specific_Days take a specific_billing_period");
        }
    }

    @Nested
    class Change_rules {
        @ParameterizedTest
        @CsvSource({"3", "-1"})
        void behaviours_are_0_1_or_2(int code) {
            f.suiteProduct(1).rules = new ChangeRules(1, 0, 0, 1, 0, 1, 0, code, 0, 1, 0);
            assertOnly("$.catalog.suite_products[0].upgrade_behaviour",
                    "must be 0 (not allowed), 1 (self-service) or 2 (only through the seller); found " + code);
        }

        @Test
        void modes_are_0_1_or_2() {
            f.suiteProduct(2).rules = new ChangeRules(1, 3, 0, 1, 0, 1, 0, 1, 0, 1, 0);
            assertOnly("$.catalog.suite_products[1].cancel_mode",
                    "must be 0 (immediately), 1 (end of billing period) or 2 (end of term); found 3");
        }

        @Test
        void every_rule_field_is_checked() {
            f.suiteProduct(1).rules = new ChangeRules(4, 4, 0, 4, 4, 4, 4, 4, 4, 4, 4);
            assertThat(problems()).extracting(Problem::path).containsExactly(
                    "$.catalog.suite_products[0].cancel_behaviour",
                    "$.catalog.suite_products[0].cancel_mode",
                    "$.catalog.suite_products[0].quantity_upgrade_behaviour",
                    "$.catalog.suite_products[0].quantity_upgrade_mode",
                    "$.catalog.suite_products[0].quantity_downgrade_behaviour",
                    "$.catalog.suite_products[0].quantity_downgrade_mode",
                    "$.catalog.suite_products[0].upgrade_behaviour",
                    "$.catalog.suite_products[0].upgrade_mode",
                    "$.catalog.suite_products[0].downgrade_behaviour",
                    "$.catalog.suite_products[0].downgrade_mode");
        }

        @Test
        void the_cancel_period_is_not_negative() {
            f.suiteProduct(1).rules = new ChangeRules(1, 0, -30, 1, 0, 1, 0, 1, 0, 1, 0);
            assertOnly("$.catalog.suite_products[0].cancel_period",
                    "cancel_period (days of notice) must not be negative; found -30");
        }

        @Test
        void a_termed_subscription_needs_a_term() {
            f.suiteProduct(1).term = 0;
            assertOnly("$.catalog.suite_products[0].term", "a TERMED subscription needs a term (months) greater than 0; found 0");
        }

        @Test
        void an_evergreen_subscription_needs_no_term() {
            SuiteProductSpec sp = f.suiteProduct(1);
            sp.subscriptionType = "EVERGREEN";
            sp.term = 0;
            assertThat(problems()).isEmpty();
        }

        @Test
        void the_subscription_type_is_known() {
            f.suiteProduct(1).subscriptionType = "termed";
            assertOnly("$.catalog.suite_products[0].subscription_type",
                    "'termed' is not a subscription type; allowed: TERMED, EVERGREEN");
        }

        @Test
        void the_renewal_type_is_known() {
            f.suiteProduct(1).renewalType = "RENEW";
            assertOnly("$.catalog.suite_products[0].renewal_type",
                    "'RENEW' is not a renewal type; allowed: RENEW_WITH_SPECIFIC_TERM, RENEW_TO_EVERGREEN");
        }
    }

    @Nested
    class Names_and_dates {
        @Test
        void names_are_not_blank() {
            f.suiteProduct(2).name = " ";
            f.charge(10).name = "";
            assertThat(problems()).containsExactly(
                    new Problem(CHARGE_10 + ".name", "a charge name must not be blank"),
                    new Problem("$.catalog.suite_products[1].name", "a suite product name must not be blank"));
        }

        @Test
        void effective_end_is_not_before_start() {
            f.ratePlan(20).start = LocalDate.of(2025, 1, 1);
            f.ratePlan(20).end = LocalDate.of(2024, 12, 31);
            assertOnly("$.catalog.rate_plans[1].effective_end_date",
                    "effective_end_date 2024-12-31 is before effective_start_date 2025-01-01");
        }
    }

    @Nested
    class Translations_ {
        @Test
        void static_languages_are_tenant_languages() {
            f.staticTexts.put("fr", Map.of("cart", "Panier"));
            assertOnly("$.translations.static.fr", "'fr' is not one of the tenant's languages (de, en)");
        }

        @Test
        void dynamic_languages_are_tenant_languages_and_odd_codes_are_quoted_in_the_path() {
            f.dynamicTexts.put("pt-BR", Map.of("suite_product.1.name", "Inicial"));
            assertOnly("$.translations.dynamic['pt-BR']", "'pt-BR' is not one of the tenant's languages (de, en)");
        }
    }

    @Nested
    class Payment_methods {
        private static final String FIRST = "$.payment_methods[0]";

        @Test
        void ids_are_unique() {
            f.paymentOptions.add(new PaymentOption(2, PaymentType.BANK_TRANSFER, List.of("DE"), null));
            assertOnly("$.payment_methods[3].id", "payment method id 2 is used twice (also at $.payment_methods[1])");
        }

        @ParameterizedTest
        @CsvSource({"de", "DEU", "XX", "''"})
        void countries_are_upper_case_iso_codes(String country) {
            f.paymentOptions.set(0, new PaymentOption(1, PaymentType.CREDIT_CARD, List.of("AT", country), "card-page"));
            assertOnly(FIRST + ".countries[1]",
                    "'" + country + "' is not an upper-case ISO 3166 country code such as DE");
        }

        @Test
        void a_country_is_listed_once() {
            f.paymentOptions.set(0, new PaymentOption(1, PaymentType.CREDIT_CARD, List.of("AT", "FR", "AT"),
                    "card-page"));
            assertOnly(FIRST + ".countries[2]", "country AT is listed twice (also at " + FIRST + ".countries[0])");
        }

        @Test
        void a_card_needs_its_hosted_page() {
            f.paymentOptions.set(0, new PaymentOption(1, PaymentType.CREDIT_CARD, List.of(), null));
            assertOnly(FIRST + ".hosted_page_id",
                    "a CreditCard payment method needs the hosted payment page that collects its details");
        }

        @Test
        void a_paypal_option_has_no_hosted_page() {
            f.paymentOptions.set(2, new PaymentOption(3, PaymentType.PAYPAL, List.of(), "paypal-page"));
            assertOnly("$.payment_methods[2].hosted_page_id",
                    "a PayPal payment method has no hosted payment page; leave hosted_page_id out");
        }

        @Test
        void a_page_id_is_a_path_segment() {
            f.paymentOptions.set(0, new PaymentOption(1, PaymentType.CREDIT_CARD, List.of(), "card/page"));
            assertOnly(FIRST + ".hosted_page_id",
                    "'card/page' is not a page id: 1 to 64 letters, digits, '.', '_' or '-'");
        }

        @Test
        void one_page_serves_one_payment_type_but_several_options() {
            f.paymentOptions.add(new PaymentOption(4, PaymentType.CREDIT_CARD, List.of("US"), "card-page"));
            f.paymentOptions.add(new PaymentOption(5, PaymentType.ACH, List.of("US"), "card-page"));
            assertOnly("$.payment_methods[4].hosted_page_id",
                    "hosted page 'card-page' already collects CreditCard details; one page serves one payment type");
        }

        @Test
        void a_tenant_may_offer_no_payment_method() {
            f.paymentOptions.clear();
            assertThat(problems()).isEmpty();
        }
    }
}
