package com.subscriptionsuite.domain.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.ShopPage;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tenant.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignRulesTest {
    private static final long PERCENT_PLAN = 50;
    private static final long FIXED_PLAN = 51;
    private static final long EMPTY_PLAN = 52;
    private static final long MIXED_PLAN = 53;
    private static final long PRODUCT_PLAN = 10;
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUL = Instant.parse("2027-07-01T00:00:00Z");

    /**
     * Product 1 with rate plan 10 (a FlatFee charge), discount rate plans 50 (10 % on Recurring) and
     * 51 (EUR 5 off), rate plan 52 without charges and 53 with a discount and a FlatFee charge;
     * pages 1 and 2.
     */
    private static final Catalog CATALOG = new Catalog(
            List.of(new Product(1, null, "Product", "", "", "", "", null, null, null)),
            List.of(plan(PRODUCT_PLAN, charge(100, ChargeModel.FLAT_FEE, "9.90")),
                    plan(PERCENT_PLAN, charge(500, ChargeModel.DISCOUNT_PERCENTAGE, "10")),
                    plan(FIXED_PLAN, charge(510, ChargeModel.DISCOUNT_FIXED_AMOUNT, "5")),
                    plan(EMPTY_PLAN),
                    plan(MIXED_PLAN, charge(530, ChargeModel.DISCOUNT_PERCENTAGE, "10"),
                            charge(531, ChargeModel.FLAT_FEE, "1"))),
            List.of(),
            List.of(page(1), page(2)));

    private static RatePlan plan(long id, Charge... charges) {
        return new RatePlan(id, null, 1, "Plan " + id, "", null, null, List.of(charges));
    }

    private static Charge charge(long id, ChargeModel model, String price) {
        boolean discount = model.isDiscount();
        return new Charge(id, null, "Charge " + id, "", ChargeType.RECURRING, model, BillingPeriod.MONTH, null,
                BillingTiming.IN_ADVANCE, BigDecimal.ONE, null, null, "", TaxMode.TAX_INCLUSIVE, true, null,
                discount ? Set.of(ChargeType.RECURRING) : Set.of(),
                List.of(Tier.single(CurrencyUnit.EUR, new BigDecimal(price),
                        model == ChargeModel.FLAT_FEE ? PriceFormat.FLAT_FEE : PriceFormat.PER_UNIT)));
    }

    private static ShopPage page(long id) {
        return new ShopPage(id, "Page " + id, "", true, true, true, true, List.of());
    }

    private static Campaign singleUse(long id) {
        return new Campaign(id, "Spring " + id, PERCENT_PLAN, JAN, JUL, List.of(1L), CodeKind.SINGLE_USE, null, null);
    }

    private static Campaign multiUse(long id) {
        return new Campaign(id, "Welcome " + id, PERCENT_PLAN, JAN, null, List.of(), CodeKind.MULTI_USE, null, 1);
    }

    private static CampaignCodes with(Campaign campaign, String... codes) {
        return new CampaignCodes(campaign, List.of(codes));
    }

    private static List<Problem> check(CampaignCodes... campaigns) {
        return CampaignRules.check(CATALOG, List.of(campaigns));
    }

    private static void assertOnly(List<Problem> problems, String path, String reason) {
        assertThat(problems).containsExactly(new Problem(path, reason));
    }

    @Nested
    class Campaigns {
        @Test
        void accepts_a_single_use_and_a_multi_use_campaign() {
            assertThat(check(with(singleUse(1), "SPRING-0001", "spring-0002"), with(multiUse(2), "WELCOME10")))
                    .isEmpty();
        }

        @Test
        void accepts_no_campaigns() {
            assertThat(check()).isEmpty();
        }

        @Test
        void accepts_a_single_use_campaign_without_codes_to_be_imported_later() {
            assertThat(check(with(singleUse(1)))).isEmpty();
        }

        @Test
        void accepts_open_ends_and_every_page() {
            Campaign c = new Campaign(1, "Always", FIXED_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            assertThat(check(with(c, "ALWAYS-1"))).isEmpty();
        }

        @Test
        void refuses_two_campaigns_with_one_id() {
            assertOnly(check(with(singleUse(1)), with(singleUse(2)), with(multiUse(1), "WELCOME10")),
                    "$.campaigns[2].id", "campaign id 1 is listed twice (also at $.campaigns[0])");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void refuses_a_blank_name(String name) {
            Campaign c = new Campaign(1, name, PERCENT_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].name", "a campaign name must not be blank");
        }

        @Test
        void refuses_a_rate_plan_the_catalog_lacks() {
            Campaign c = new Campaign(1, "X", 99, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].discount_rate_plan_id", "no rate plan with id 99");
        }

        @Test
        void refuses_a_rate_plan_that_is_not_a_discount() {
            Campaign c = new Campaign(1, "X", PRODUCT_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].discount_rate_plan_id", "rate plan 10 is not a discount rate "
                    + "plan: its charge 100 is a FlatFee charge; a campaign's rate plan must consist of discount "
                    + "charges (DiscountPercentage or DiscountFixedAmount)");
        }

        @Test
        void refuses_a_rate_plan_with_a_discount_and_another_charge() {
            Campaign c = new Campaign(1, "X", MIXED_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].discount_rate_plan_id", "rate plan 53 is not a discount rate "
                    + "plan: its charge 531 is a FlatFee charge; a campaign's rate plan must consist of discount "
                    + "charges (DiscountPercentage or DiscountFixedAmount)");
        }

        @Test
        void refuses_a_rate_plan_without_charges() {
            Campaign c = new Campaign(1, "X", EMPTY_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].discount_rate_plan_id", "rate plan 52 has no charges; a "
                    + "campaign's rate plan must consist of discount charges (DiscountPercentage or DiscountFixedAmount)");
        }

        @Test
        void refuses_a_window_that_ends_before_it_begins() {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, JUL, JAN, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].valid_until", "valid_until 2026-01-01T00:00:00Z must be after "
                    + "valid_from 2027-07-01T00:00:00Z (valid_until is exclusive)");
        }

        @Test
        void refuses_an_empty_window() {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, JAN, JAN, List.of(), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].valid_until", "valid_until 2026-01-01T00:00:00Z must be after "
                    + "valid_from 2026-01-01T00:00:00Z (valid_until is exclusive)");
        }

        @Test
        void refuses_a_page_the_catalog_lacks() {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(2L, 7L), CodeKind.SINGLE_USE, null, null);
            assertOnly(check(with(c)), "$.campaigns[0].page_ids[1]", "no page with id 7");
        }

        @Test
        void refuses_a_page_listed_twice() {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(1L, 2L, 1L), CodeKind.SINGLE_USE, null,
                    null);
            assertOnly(check(with(c)), "$.campaigns[0].page_ids[2]", "page 1 is listed twice (also at "
                    + "$.campaigns[0].page_ids[0])");
        }

        @Test
        void reports_every_problem_together() {
            Campaign c = new Campaign(1, " ", 99, JUL, JAN, List.of(9L), CodeKind.MULTI_USE, 0, null);
            assertThat(check(with(c, "a", "b"))).extracting(Problem::path).containsExactly(
                    "$.campaigns[0].name",
                    "$.campaigns[0].discount_rate_plan_id",
                    "$.campaigns[0].valid_until",
                    "$.campaigns[0].page_ids[0]",
                    "$.campaigns[0].total_limit",
                    "$.campaigns[0].codes",
                    "$.campaigns[0].codes[0]",
                    "$.campaigns[0].codes[1]");
        }
    }

    @Nested
    class Limits {
        @Test
        void refuses_a_total_limit_on_a_single_use_campaign() {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, 100, null);
            assertOnly(check(with(c)), "$.campaigns[0].total_limit", "a single-use campaign takes no total_limit: "
                    + "each of its codes is redeemable once");
        }

        @Test
        void refuses_a_per_customer_limit_on_a_single_use_campaign() {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(), CodeKind.SINGLE_USE, null, 1);
            assertOnly(check(with(c)), "$.campaigns[0].per_customer_limit", "a single-use campaign takes no "
                    + "per_customer_limit: each of its codes is redeemable once");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void refuses_a_total_limit_below_one(int limit) {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(), CodeKind.MULTI_USE, limit, null);
            assertOnly(check(with(c, "X-1")), "$.campaigns[0].total_limit",
                    "total_limit must be greater than 0 (leave it out for no limit); found " + limit);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5})
        void refuses_a_per_customer_limit_below_one(int limit) {
            Campaign c = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(), CodeKind.MULTI_USE, null, limit);
            assertOnly(check(with(c, "X-1")), "$.campaigns[0].per_customer_limit",
                    "per_customer_limit must be greater than 0 (leave it out for no limit); found " + limit);
        }

        @Test
        void accepts_a_multi_use_campaign_with_both_limits_or_none() {
            Campaign limited = new Campaign(1, "X", PERCENT_PLAN, null, null, List.of(), CodeKind.MULTI_USE, 1000, 1);
            Campaign unlimited = new Campaign(2, "Y", PERCENT_PLAN, null, null, List.of(), CodeKind.MULTI_USE, null,
                    null);
            assertThat(check(with(limited, "X-1"), with(unlimited, "Y-1"))).isEmpty();
        }
    }

    @Nested
    class Codes {
        @Test
        void refuses_a_multi_use_campaign_without_a_code() {
            assertOnly(check(with(multiUse(1))), "$.campaigns[0].codes",
                    "a multi-use campaign has exactly one code; found none");
        }

        @Test
        void refuses_a_multi_use_campaign_with_two_codes() {
            assertOnly(check(with(multiUse(1), "WELCOME10", "WELCOME20")), "$.campaigns[0].codes",
                    "a multi-use campaign has exactly one code; found 2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AB", "TWO WORDS", "", "SPRING!", "ÄPFEL", "12345678901234567890123456789012345678901234567890123456789012345"})
        void refuses_a_malformed_code(String code) {
            assertOnly(check(with(singleUse(1), "GOOD-1", code)), "$.campaigns[0].codes[1]",
                    "'" + code.strip() + "' is not a voucher code (3 to 64 letters, digits, '-' or '_'; case does not "
                            + "matter)");
        }

        @Test
        void accepts_codes_in_any_case_and_with_surrounding_blanks() {
            assertThat(check(with(singleUse(1), "spring-1", " Spring-2 ", "abc", "A_B-C"))).isEmpty();
        }

        @Test
        void refuses_a_code_listed_twice_in_one_campaign_whatever_its_case() {
            assertOnly(check(with(singleUse(1), "SPRING-1", "SPRING-2", "spring-1")), "$.campaigns[0].codes[2]",
                    "code SPRING-1 is listed twice (also at $.campaigns[0].codes[0]; codes are compared without regard "
                            + "to case)");
        }

        @Test
        void refuses_a_code_of_two_campaigns() {
            assertOnly(check(with(singleUse(1), "SPRING-1", "WELCOME10"), with(multiUse(2), "Welcome10")),
                    "$.campaigns[1].codes[0]", "code WELCOME10 is listed twice (also at $.campaigns[0].codes[1]; codes "
                            + "are compared without regard to case)");
        }

        @Test
        void names_codes_by_the_paths_the_caller_gives() {
            CampaignRules.CodePaths inFile = (campaign, code) -> "$.campaigns[" + campaign + "].codes_file line "
                    + (code + 2);
            assertThat(CampaignRules.check(CATALOG, List.of(with(singleUse(1), "OK-1", "x")), inFile))
                    .containsExactly(new Problem("$.campaigns[0].codes_file line 3", "'x' is not a voucher code "
                            + "(3 to 64 letters, digits, '-' or '_'; case does not matter)"));
        }
    }

    @Nested
    class Import {
        @Test
        void accepts_well_formed_distinct_codes() {
            assertThat(CampaignRules.checkImport(singleUse(1), List.of("SPRING-1", "spring-2", " Spring-3 "))).isEmpty();
        }

        @Test
        void names_every_malformed_line() {
            assertThat(CampaignRules.checkImport(singleUse(1), List.of("SPRING-1", "no good", "SPRING-3", "x")))
                    .containsExactly(
                            new Problem("line 2", "'no good' is not a voucher code (3 to 64 letters, digits, '-' or "
                                    + "'_'; case does not matter)"),
                            new Problem("line 4", "'x' is not a voucher code (3 to 64 letters, digits, '-' or '_'; "
                                    + "case does not matter)"));
        }

        @Test
        void refuses_a_code_repeated_in_the_file_whatever_its_case() {
            assertOnly(CampaignRules.checkImport(singleUse(1), List.of("SPRING-1", "SPRING-2", "Spring-1")), "line 3",
                    "code SPRING-1 is listed twice (also at line 1; codes are compared without regard to case)");
        }

        @Test
        void refuses_codes_for_a_multi_use_campaign() {
            assertOnly(CampaignRules.checkImport(multiUse(2), List.of("WELCOME11")), "file", "campaign 2 is a "
                    + "multi-use campaign: it has exactly one code, defined in the tenant file; only single-use "
                    + "campaigns import codes");
        }

        @Test
        void refuses_a_file_without_codes() {
            assertOnly(CampaignRules.checkImport(singleUse(1), List.of()), "file", "the file holds no codes");
        }

        @Test
        void accepts_100000_codes() {
            assertThat(CampaignRules.checkImport(singleUse(1), codes(CampaignRules.MAX_CODES_PER_IMPORT))).isEmpty();
        }

        @Test
        void refuses_more_than_100000_codes_without_checking_each_line() {
            List<String> codes = new ArrayList<>(codes(CampaignRules.MAX_CODES_PER_IMPORT + 1));
            codes.set(0, "bad code");
            assertOnly(CampaignRules.checkImport(singleUse(1), codes), "file", "the file holds 100001 codes; at "
                    + "most 100000 may be imported at once (split the file)");
        }

        private List<String> codes(int count) {
            return IntStream.rangeClosed(1, count).mapToObj(n -> String.format("SPRING-%06d", n)).toList();
        }
    }
}
