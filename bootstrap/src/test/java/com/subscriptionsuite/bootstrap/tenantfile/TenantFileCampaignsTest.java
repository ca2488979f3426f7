package com.subscriptionsuite.bootstrap.tenantfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CampaignCodes;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code campaigns} of a tenant file, with codes listed inline and in codes files. */
class TenantFileCampaignsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON_MALFORMED =
            " is not a voucher code (3 to 64 letters, digits, '-' or '_'; case does not matter)";

    @TempDir
    Path dir;

    private ObjectNode root;
    private ArrayNode campaigns;

    /** The reader test's valid file, with discount rate plan 60 (10 % off) and two campaigns. */
    @BeforeEach
    void file() throws IOException {
        root = (ObjectNode) JSON.readTree(TenantFileReaderTest.VALID);
        root.withArray("/catalog/rate_plans").add(JSON.readTree("""
                {"id": 60, "product_id": 5, "name": "Ten off", "charges": [
                  {"id": 600, "name": "Ten off", "charge_type": "Recurring", "charge_model": "DiscountPercentage",
                   "billing_period": "Month", "tax_mode": "TaxExclusive", "applies_to": ["Recurring"],
                   "tiers": [{"currency": "EUR", "price": 10}]}]}"""));
        campaigns = root.putArray("campaigns");
        campaigns.add(JSON.readTree("""
                {"id": 1, "name": "Welcome", "discount_rate_plan_id": 60, "valid_from": "2026-01-01",
                 "kind": "multi_use", "total_limit": 1000, "per_customer_limit": 1, "codes": ["welcome10"]}"""));
        campaigns.add(JSON.readTree("""
                {"id": 2, "name": "Spring", "discount_rate_plan_id": 60, "valid_from": "2026-03-01T06:00:00Z",
                 "valid_until": "2026-06-01T00:00:00+02:00", "page_ids": [9], "kind": "single_use",
                 "codes": ["SPRING-A"], "codes_file": "codes/spring.csv"}"""));
        Files.createDirectories(dir.resolve("codes"));
        Files.writeString(dir.resolve("codes/spring.csv"), "code\nSPRING-B\n\nspring-c\n");
    }

    private ObjectNode campaign(int index) {
        return (ObjectNode) campaigns.get(index);
    }

    private Either<List<Problem>, TenantFile> read() throws IOException {
        Path file = dir.resolve("tenant.json");
        Files.writeString(file, root.toString());
        return TenantFileReader.readFile(file);
    }

    private List<Problem> problems() throws IOException {
        Either<List<Problem>, TenantFile> read = read();
        assertThat(read.isLeft()).as("expected problems").isTrue();
        return read.getLeft();
    }

    @Test
    void reads_campaigns_with_their_codes_listed_and_from_the_codes_file() throws IOException {
        Either<List<Problem>, TenantFile> read = read();

        assertThat(read.swap().getOrElse(List.of())).isEmpty();
        assertThat(read.get().campaigns()).containsExactly(
                new CampaignCodes(new Campaign(1, "Welcome", 60, Instant.parse("2026-01-01T00:00:00Z"), null,
                        List.of(), CodeKind.MULTI_USE, 1000, 1), List.of("welcome10")),
                new CampaignCodes(new Campaign(2, "Spring", 60, Instant.parse("2026-03-01T06:00:00Z"),
                        Instant.parse("2026-05-31T22:00:00Z"), List.of(9L), CodeKind.SINGLE_USE, null, null),
                        List.of("SPRING-A", "SPRING-B", "spring-c")));
        assertThat(read.get().codeCount()).isEqualTo(4);
    }

    @Test
    void reads_a_file_without_campaigns_as_none() throws IOException {
        root.remove("campaigns");
        assertThat(read().get().campaigns()).isEmpty();
    }

    @Test
    void knows_where_each_code_is_written() throws IOException {
        TenantFile file = read().get();
        assertThat(file.codePaths().of(1, 0)).isEqualTo("$.campaigns[1].codes[0]");
        assertThat(file.codePaths().of(1, 1)).isEqualTo("$.campaigns[1].codes_file line 2");
        assertThat(file.codePaths().of(1, 2)).isEqualTo("$.campaigns[1].codes_file line 4");
        assertThat(file.locate(new Problem("$.campaigns[1].codes[2]", "taken")))
                .isEqualTo(new Problem("$.campaigns[1].codes_file line 4", "taken"));
        assertThat(file.locate(new Problem("$.campaigns[0].name", "x"))).isEqualTo(new Problem("$.campaigns[0].name", "x"));
    }

    @Test
    void reads_the_definition_alone_without_opening_codes_files() throws IOException {
        campaign(1).put("codes_file", "missing.csv");
        Either<List<Problem>, TenantDefinition> read = TenantFileReader.read("test.json",
                new ByteArrayInputStream(root.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.isRight()).isTrue();
    }

    @Nested
    class Structure {
        @Test
        void reports_every_structural_problem_of_a_campaign() throws IOException {
            campaign(0).put("kind", "once");
            campaign(0).put("valid_from", "2026-13-01");
            campaign(0).put("total_limit", -1);
            campaign(0).put("code", "WELCOME10");
            campaign(1).remove("name");
            campaign(1).put("valid_until", "next year");
            campaign(1).putArray("page_ids").add("9");

            assertThat(problems()).containsExactlyInAnyOrder(
                    new Problem("$.campaigns[0].kind", "'once' is not one of single_use, multi_use"),
                    new Problem("$.campaigns[0].valid_from", "'2026-13-01' is neither an instant "
                            + "(2026-01-01T00:00:00Z) nor a date (2026-01-01, meaning midnight UTC)"),
                    new Problem("$.campaigns[0].total_limit",
                            "expected a non-negative integer up to 2147483647, found a number (-1)"),
                    new Problem("$.campaigns[0].code", "unknown field 'code'; known fields: id, name, "
                            + "discount_rate_plan_id, valid_from, valid_until, page_ids, kind, total_limit, "
                            + "per_customer_limit, codes, codes_file"),
                    new Problem("$.campaigns[1].name", "missing required field 'name'"),
                    new Problem("$.campaigns[1].valid_until", "'next year' is neither an instant "
                            + "(2026-01-01T00:00:00Z) nor a date (2026-01-01, meaning midnight UTC)"),
                    new Problem("$.campaigns[1].page_ids[0]", "expected a non-negative integer, found a string (\"9\")"));
        }

        @Test
        void requires_the_kind() throws IOException {
            campaign(0).remove("kind");
            assertThat(problems()).containsExactly(new Problem("$.campaigns[0].kind", "missing required field 'kind'"));
        }

        @Test
        void refuses_campaigns_that_are_not_an_array_of_objects() throws IOException {
            root.put("campaigns", "none");
            assertThat(problems()).containsExactly(new Problem("$.campaigns", "expected an array, found a string (\"none\")"));
            root.putArray("campaigns").add(5);
            assertThat(problems()).containsExactly(new Problem("$.campaigns[0]", "expected an object, found a number (5)"));
        }

        @Test
        void reports_a_codes_file_that_cannot_be_read_and_checks_no_rules() throws IOException {
            campaign(1).put("codes_file", "nowhere.csv");
            campaign(1).put("discount_rate_plan_id", 99);

            assertThat(problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("$.campaigns[1].codes_file");
                assertThat(p.reason()).startsWith("cannot read codes file 'nowhere.csv' (named relative to the "
                        + "tenant file): no such file ").endsWith("nowhere.csv");
            });
        }

        @Test
        void refuses_a_codes_file_that_is_not_utf_8() throws IOException {
            Files.write(dir.resolve("codes/spring.csv"), "CAFÉ-1\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(problems()).containsExactly(new Problem("$.campaigns[1].codes_file",
                    "cannot read codes file 'codes/spring.csv' (named relative to the tenant file): not UTF-8 text"));
        }
    }

    @Nested
    class Rules {
        @Test
        void reports_campaign_problems_together_with_the_tenant_rules() throws IOException {
            ((ObjectNode) root.at("/catalog/suite_products/1")).put("rate_plan_id", 99);
            campaign(0).put("discount_rate_plan_id", 50);
            campaign(1).put("per_customer_limit", 1);

            assertThat(problems()).containsExactly(
                    new Problem("$.catalog.suite_products[1].rate_plan_id", "no rate plan with id 99"),
                    new Problem("$.campaigns[0].discount_rate_plan_id", "rate plan 50 is not a discount rate plan: "
                            + "its charge 500 is a Volume charge; a campaign's rate plan must consist of discount "
                            + "charges (DiscountPercentage or DiscountFixedAmount)"),
                    new Problem("$.campaigns[1].per_customer_limit", "a single-use campaign takes no "
                            + "per_customer_limit: each of its codes is redeemable once"));
        }

        @Test
        void names_a_bad_code_of_the_codes_file_by_its_line() throws IOException {
            Files.writeString(dir.resolve("codes/spring.csv"), "code\nSPRING-B\n\nno good\nWelcome10\n");

            assertThat(problems()).containsExactly(
                    new Problem("$.campaigns[1].codes_file line 4", "'no good'" + REASON_MALFORMED),
                    new Problem("$.campaigns[1].codes_file line 5", "code WELCOME10 is listed twice (also at "
                            + "$.campaigns[0].codes[0]; codes are compared without regard to case)"));
        }

        @Test
        void refuses_a_campaign_page_or_rate_plan_the_catalog_lacks() throws IOException {
            campaign(1).putArray("page_ids").add(9).add(10);
            campaign(1).put("discount_rate_plan_id", 61);

            assertThat(problems()).containsExactly(
                    new Problem("$.campaigns[1].discount_rate_plan_id", "no rate plan with id 61"),
                    new Problem("$.campaigns[1].page_ids[1]", "no page with id 10"));
        }
    }

    @Nested
    class The_demo_tenant {
        @Test
        void has_a_multi_use_welcome_code_and_200_single_use_spring_codes_on_page_1() {
            Either<List<Problem>, TenantFile> read = TenantFileReader.readResource("/tenants/demo.json", "demo");
            assertThat(read.swap().getOrElse(List.of())).isEmpty();
            List<CampaignCodes> demo = read.get().campaigns();

            assertThat(demo).hasSize(2);
            assertThat(demo.get(0)).isEqualTo(new CampaignCodes(new Campaign(1, "Welcome 10 %", 51,
                    Instant.parse("2026-01-01T00:00:00Z"), null, List.of(), CodeKind.MULTI_USE, null, 1),
                    List.of("WELCOME10")));
            assertThat(demo.get(1).campaign()).isEqualTo(new Campaign(2, "Spring 2027", 52,
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"), List.of(1L),
                    CodeKind.SINGLE_USE, null, null));
            assertThat(demo.get(1).codes()).hasSize(200).allMatch(c -> c.matches("SPRING27-[A-Z2-9]{6}"))
                    .doesNotHaveDuplicates();
            assertThat(read.get().definition().catalog().ratePlan(52).get().charges()).singleElement()
                    .satisfies(c -> assertThat(c.tiers().get(0).price()).isEqualByComparingTo("20"));
        }
    }
}
