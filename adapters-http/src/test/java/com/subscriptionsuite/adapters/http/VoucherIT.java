package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /voucher-code/{code}/init and /consume, and vouchers in POST /subscription/preview, each test
 * on a server of its own whose clock starts at {@link TestServer#START} (2025-06-15T10:00Z). Every
 * campaign gives acme's discount rate plan 204: 10 % off recurring charges (charge 309) and 5.00
 * off one-time charges (charge 310).
 */
class VoucherIT {
    private static final Instant START = TestServer.START;
    private static final String PASSWORD = "correct horse battery";
    private static final String BASIC_ONCE = """
            {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]""";

    private TestServer.Fresh server;
    private Http acme;

    @BeforeEach
    void startServerWithCampaigns() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        List<CampaignWithCodes> campaigns = List.of(
                campaign(1, "Single use", null, null, List.of(), CodeKind.SINGLE_USE, null, null,
                        "SINGLE-1", "SINGLE-2"),
                campaign(2, "Ten off for everyone", null, null, List.of(), CodeKind.MULTI_USE, 2, 1, "TEN-OFF"),
                campaign(3, "Starts soon", START.plus(Duration.ofHours(1)), null, List.of(), CodeKind.SINGLE_USE,
                        null, null, "SOON-1"),
                campaign(4, "Spring", Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-06-01T00:00:00Z"),
                        List.of(), CodeKind.SINGLE_USE, null, null, "SPRING-1"),
                campaign(5, "Shop page only", null, null, List.of(601L), CodeKind.SINGLE_USE, null, null,
                        "PAGE-1"));
        server.engine().defineCampaigns().define(1, campaigns)
                .getOrElseThrow(f -> new AssertionError(f.message()));
        server.engine().defineCampaigns().define(2, List.of(campaign(1, "Other's", null, null, List.of(),
                CodeKind.SINGLE_USE, null, null, "OTHER-ONLY"))).getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static CampaignWithCodes campaign(long id, String name, Instant validFrom, Instant validUntil,
            List<Long> pages, CodeKind kind, Integer totalLimit, Integer perCustomerLimit, String... codes) {
        return new CampaignWithCodes(new Campaign(id, name, 204, validFrom, validUntil, pages, kind, totalLimit,
                perCustomerLimit), List.of(codes));
    }

    private String customer(String email) {
        return customer(acme, email);
    }

    private static String customer(Http http, String email) {
        return http.post("/register", """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD)).ok().path("token").asText();
    }

    private long internalId(long tenantId, String token) {
        return server.engine().authenticate().authenticate(tenantId, token)
                .getOrElseThrow(f -> new AssertionError(f.message())).userId();
    }

    private Reply init(String token, String code) {
        return acme.bearer(token).post("/voucher-code/" + code + "/init");
    }

    private Reply init(String token, String code, String body) {
        return acme.bearer(token).post("/voucher-code/" + code + "/init", body);
    }

    private Reply consume(String token, String code) {
        return acme.bearer(token).post("/voucher-code/" + code + "/consume");
    }

    @Nested
    class HoldAndConsume {
        @Test
        void holds_a_code_for_30_minutes_then_consumes_it() {
            String ann = customer("ann@example.com");

            JsonNode held = init(ann, "SINGLE-1").ok();
            JsonNode consumed = consume(ann, "SINGLE-1").ok();

            assertThat(held.path("discount_rate_plan_id").asLong()).isEqualTo(204);
            assertThat(held.path("campaign_id").asLong()).isEqualTo(1);
            assertThat(held.path("success").asBoolean()).isTrue();
            assertThat(held.path("code").asText()).isEqualTo("SINGLE-1");
            assertThat(held.path("expires_at").asText()).isEqualTo("2025-06-15T10:30:00Z");
            assertThat(consumed.path("discount_rate_plan_id").asLong()).isEqualTo(204);
            assertThat(consumed.path("campaign_id").asLong()).isEqualTo(1);
            assertThat(consumed.path("success").asBoolean()).isTrue();
            assertThat(consumed.path("code").asText()).isEqualTo("SINGLE-1");
            assertThat(consumed.has("expires_at")).isFalse();
        }

        @Test
        void answers_a_repeated_init_with_the_same_hold_and_expiry() {
            String ann = customer("ann@example.com");
            String first = init(ann, "SINGLE-1").ok().path("expires_at").asText();
            server.clock().advance(Duration.ofMinutes(10));

            String again = init(ann, "SINGLE-1").ok().path("expires_at").asText();

            assertThat(again).isEqualTo(first).isEqualTo("2025-06-15T10:30:00Z");
        }

        @Test
        void takes_the_code_in_any_case_and_answers_it_as_stored() {
            String ann = customer("ann@example.com");

            assertThat(init(ann, "single-1").ok().path("code").asText()).isEqualTo("SINGLE-1");
            assertThat(consume(ann, "Single-1").ok().path("code").asText()).isEqualTo("SINGLE-1");
        }

        @Test
        void lets_a_guest_hold_and_consume_a_code() {
            String guest = acme.post("/login/guest").ok().path("token").asText();

            init(guest, "SINGLE-1").ok();
            consume(guest, "SINGLE-1").ok();
        }

        @Test
        void takes_no_body_an_empty_object_or_the_seeds_body() {
            String ann = customer("ann@example.com");
            long annId = internalId(1, ann);

            init(ann, "SINGLE-1").ok();
            init(ann, "SINGLE-1", "{}").ok();
            init(ann, "PAGE-1", "{\"page_id\": \"601\"}").ok();
            init(ann, "PAGE-1", "{\"page_id\": 601, \"user_id\": null}").ok();
            consume(ann, "PAGE-1").ok();
            init(ann, "SINGLE-2", "{\"page_id\": null, \"user_id\": %d}".formatted(annId)).ok();
            acme.bearer(ann).post("/voucher-code/SINGLE-2/consume", "{\"user_id\": %d}".formatted(annId)).ok();
        }

        @Test
        void takes_back_the_user_id_register_and_login_hand_out_but_not_another_user_s() {
            JsonNode registered = acme.post("/register", """
                    {"user": {"email": "ann@example.com", "password": "%s"}}""".formatted(PASSWORD)).ok();
            String ann = registered.path("token").asText();
            String annId = registered.path("user").path("id").asText();
            String bobId = acme.post("/register", """
                    {"user": {"email": "bob@example.com", "password": "%s"}}""".formatted(PASSWORD)).ok()
                    .path("user").path("id").asText();
            JsonNode loggedIn = acme.post("/login", """
                    {"email": "ann@example.com", "password": "%s"}""".formatted(PASSWORD)).ok();
            assertThat(loggedIn.path("user").path("id").asText()).isEqualTo(annId);

            init(ann, "SINGLE-1", "{\"page_id\": \"601\", \"user_id\": \"%s\"}".formatted(annId)).ok();
            acme.bearer(ann).post("/voucher-code/SINGLE-1/consume", "{\"user_id\": \"%s\"}".formatted(annId)).ok();
            init(ann, "SINGLE-2", "{\"user_id\": \"%s\"}".formatted(annId.toUpperCase(Locale.ROOT))).ok();

            JsonNode error = init(ann, "TEN-OFF", "{\"user_id\": \"%s\"}".formatted(bobId))
                    .error(403, "user_mismatch");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user_id");
            acme.bearer(ann).post("/voucher-code/SINGLE-2/consume", "{\"user_id\": \"%s\"}".formatted(bobId))
                    .error(403, "user_mismatch");
            init(ann, "TEN-OFF", "{\"user_id\": \"7\"}").error(403, "user_mismatch");
            String bob = acme.post("/login", """
                    {"email": "bob@example.com", "password": "%s"}""".formatted(PASSWORD)).ok().path("token").asText();
            init(bob, "TEN-OFF", "{\"user_id\": \"%s\"}".formatted(bobId)).ok();
        }

        @Test
        void keeps_each_tenants_codes_apart() {
            String ann = customer("ann@example.com");

            init(ann, "OTHER-ONLY").error(404, "voucher_unknown");
        }
    }

    @Nested
    class SingleUse {
        @Test
        void refuses_a_code_someone_else_holds_until_the_hold_expires() {
            String ann = customer("ann@example.com");
            String bob = customer("bob@example.com");
            init(ann, "SINGLE-1").ok();

            JsonNode error = init(bob, "SINGLE-1").error(409, "voucher_held_by_other");
            init(bob, "SINGLE-2").ok();
            server.clock().advance(Duration.ofMinutes(30));
            JsonNode held = init(bob, "SINGLE-1").ok();

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("code");
            assertThat(held.path("expires_at").asText()).isEqualTo("2025-06-15T11:00:00Z");
            consume(ann, "SINGLE-1").error(409, "voucher_not_held");
            consume(bob, "SINGLE-1").ok();
        }

        @Test
        void consumes_nothing_without_a_hold() {
            String ann = customer("ann@example.com");

            consume(ann, "SINGLE-1").error(409, "voucher_not_held");
        }

        @Test
        void consumes_nothing_once_the_hold_expired() {
            String ann = customer("ann@example.com");
            init(ann, "SINGLE-1").ok();
            server.clock().advance(Duration.ofMinutes(30));

            consume(ann, "SINGLE-1").error(409, "voucher_not_held");
        }

        @Test
        void consumes_a_hold_once_and_then_refuses_to_hold_the_code_again() {
            String ann = customer("ann@example.com");
            String bob = customer("bob@example.com");
            init(ann, "SINGLE-1").ok();
            consume(ann, "SINGLE-1").ok();

            consume(ann, "SINGLE-1").error(409, "voucher_not_held");
            init(ann, "SINGLE-1").error(409, "voucher_already_redeemed");
            init(bob, "SINGLE-1").error(409, "voucher_limit_reached");
        }
    }

    @Nested
    class MultiUse {
        @Test
        void lets_each_customer_redeem_the_code_as_often_as_the_campaign_allows() {
            String ann = customer("ann@example.com");
            init(ann, "TEN-OFF").ok();
            consume(ann, "TEN-OFF").ok();

            init(ann, "TEN-OFF").error(409, "voucher_already_redeemed");
        }

        @Test
        void shares_the_code_among_customers_up_to_its_total_limit() {
            String ann = customer("ann@example.com");
            String bob = customer("bob@example.com");
            String cid = customer("cid@example.com");
            init(ann, "TEN-OFF").ok();
            init(bob, "TEN-OFF").ok();

            init(cid, "TEN-OFF").error(409, "voucher_limit_reached");
            consume(ann, "TEN-OFF").ok();
            consume(bob, "TEN-OFF").ok();
            server.clock().advance(Duration.ofMinutes(30));
            init(cid, "TEN-OFF").error(409, "voucher_limit_reached");
        }

        @Test
        void frees_the_limit_a_hold_took_when_it_expires() {
            String ann = customer("ann@example.com");
            String bob = customer("bob@example.com");
            String cid = customer("cid@example.com");
            init(ann, "TEN-OFF").ok();
            init(bob, "TEN-OFF").ok();
            server.clock().advance(Duration.ofMinutes(30));

            init(cid, "TEN-OFF").ok();
        }
    }

    @Nested
    class Validity {
        @Test
        void refuses_a_code_before_its_campaign_starts_and_holds_it_once_it_has() {
            String ann = customer("ann@example.com");

            JsonNode error = init(ann, "SOON-1").error(422, "voucher_not_yet_valid");
            server.clock().advance(Duration.ofHours(1));
            init(ann, "SOON-1").ok();

            assertThat(error.path("message").asText()).contains("2025-06-15T11:00:00Z");
        }

        @Test
        void refuses_a_code_after_its_campaign_ended() {
            String ann = customer("ann@example.com");

            init(ann, "SPRING-1").error(422, "voucher_expired");
        }

        @Test
        void holds_a_page_limited_code_only_on_its_page() {
            String ann = customer("ann@example.com");

            JsonNode nowhere = init(ann, "PAGE-1").error(422, "voucher_not_valid_on_page");
            init(ann, "PAGE-1", "{\"page_id\": \"602\"}").error(422, "voucher_not_valid_on_page");
            init(ann, "PAGE-1", "{\"page_id\": 601}").ok();

            assertThat(nowhere.path("details").get(0).path("field").asText()).isEqualTo("page_id");
        }
    }

    @Nested
    class Refusals {
        @Test
        void answers_an_unknown_code_with_404() {
            String ann = customer("ann@example.com");

            JsonNode error = init(ann, "NO-SUCH-CODE").error(404, "voucher_unknown");
            consume(ann, "NO-SUCH-CODE").error(404, "voucher_unknown");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("code");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"AB", "bad!code", "summer%2010", "%C3%A9t%C3%A9-10"})
        void answers_a_malformed_code_with_400(String code) {
            String ann = customer("ann@example.com");

            init(ann, code).error(400, "voucher_malformed");
            consume(ann, code).error(400, "voucher_malformed");
        }

        @Test
        void needs_a_token_of_the_tenant() {
            String othersCustomer = customer(server.tenant("other"), "ann@example.com");

            Reply none = acme.post("/voucher-code/SINGLE-1/init");
            Reply others = init(othersCustomer, "SINGLE-1");

            none.error(401, "not_authenticated");
            assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
            others.error(401, "not_authenticated");
            assertThat(others.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            acme.post("/voucher-code/SINGLE-1/consume").error(401, "not_authenticated");
            acme.bearer("no-such-token").post("/voucher-code/NO-SUCH-CODE/init").error(401, "not_authenticated");
        }

        @Test
        void refuses_to_act_for_a_user_other_than_the_tokens() {
            String ann = customer("ann@example.com");
            String bob = customer("bob@example.com");
            long bobId = internalId(1, bob);
            String asBob = "{\"user_id\": %d}".formatted(bobId);

            JsonNode error = init(ann, "SINGLE-1", asBob).error(403, "user_mismatch");
            acme.bearer(ann).post("/voucher-code/SINGLE-1/consume", asBob).error(403, "user_mismatch");
            init(ann, "SINGLE-1", "{\"user_id\": 0}").error(403, "user_mismatch");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user_id");
            assertThat(error.path("message").asText()).doesNotContain(Long.toString(internalId(1, ann)));
            init(bob, "SINGLE-1").ok();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{\"page_id\": true}", "{\"page_id\": \"six\"}", "{\"page_id\": 601.5}",
            "{\"page_id\": -601}", "{\"page_id\": [601]}"})
        void names_a_page_id_of_the_wrong_type(String body) {
            String ann = customer("ann@example.com");

            JsonNode error = init(ann, "PAGE-1", body).error(400, "field_type");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("page_id");
        }

        @Test
        void refuses_other_body_faults_as_every_operation_does() {
            String ann = customer("ann@example.com");

            init(ann, "SINGLE-1", "{\"user_id\": true}").error(400, "field_type");
            init(ann, "SINGLE-1", "{\"voucher\": \"SINGLE-1\"}").error(400, "field_unknown");
            init(ann, "SINGLE-1", "{\"page_id\": ").error(400, "json_malformed");
            acme.bearer(ann).with("Content-Type", "text/plain")
                    .send("POST", "/voucher-code/SINGLE-1/init", BodyPublishers.ofString("{}"))
                    .error(415, "media_type_unsupported");
        }
    }

    @Nested
    class Preview {
        @Test
        void prices_the_campaigns_discount_into_the_cart() {
            JsonNode basic = acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"single-1\"}")
                    .ok().get(0);

            // base fee 9.99 gross − 10 % (0.999 → 1.00) = 8.99: tax 8.99 × 0.19 / 1.19 = 1.4353… → 1.44, net 7.55
            JsonNode baseFee = charge(basic, 0, 301).path("prices");
            assertDiscounted(baseFee, "7.55", "1.44", "8.99", "8.39", "1.60", "9.99");
            // one screen 2.50 gross − 10 % (0.25) = 2.25: tax 0.3592… → 0.36, net 1.89 (before: 2.10, 0.40)
            assertDiscounted(charge(basic, 0, 303).path("prices"), "1.89", "0.36", "2.25", "2.10", "0.40", "2.50");
            // setup 19.00 without tax − 5.00 (fixed, one-time charges) = 14.00
            assertDiscounted(charge(basic, 0, 302).path("prices"), "14.00", "0.00", "14.00", "19.00", "0.00",
                    "19.00");
            // the campaign's discount plan is one more rate plan; its discount charges carry 0 and, like
            // usage charges, count in no total, so the plan has no totals of its own
            JsonNode ratePlans = basic.path("rate_plans");
            assertThat(ratePlans).hasSize(2);
            assertThat(ratePlans.get(0).path("id").asLong()).isEqualTo(201);
            assertThat(ratePlans.get(1).path("id").asLong()).isEqualTo(204);
            assertThat(ratePlans.get(1).path("prices")).isEmpty();
            for (long discountCharge : new long[] {309, 310}) {
                JsonNode prices = charge(basic, 1, discountCharge).path("prices");
                assertThat(prices.path("is_discounted").asBoolean()).isFalse();
                assertThat(prices.path("brutto").decimalValue()).isEqualByComparingTo("0");
            }
            // totals: OneTime 14.00 (was 19.00); Month 7.55 + 1.89 = 9.44 net, 1.44 + 0.36 = 1.80 tax,
            // 8.99 + 2.25 = 11.24 gross (was 10.49, 2.00, 12.49)
            for (JsonNode prices : new JsonNode[] {basic.path("prices"), ratePlans.get(0).path("prices")}) {
                assertThat(prices).hasSize(2);
                assertThat(prices.get(0).path("billing_period").asText()).isEqualTo("OneTime");
                assertDiscounted(prices.get(0), "14.00", "0.00", "14.00", "19.00", "0.00", "19.00");
                assertThat(prices.get(1).path("billing_period").asText()).isEqualTo("Month");
                assertDiscounted(prices.get(1), "9.44", "1.80", "11.24", "10.49", "2.00", "12.49");
            }
        }

        @Test
        void holds_nothing_when_it_prices_a_code() {
            String ann = customer("ann@example.com");
            acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"SINGLE-1\"}").ok();

            init(ann, "SINGLE-1").ok();
        }

        @Test
        void prices_a_code_for_its_holder_and_refuses_it_to_everyone_else() {
            String ann = customer("ann@example.com");
            String bob = customer("bob@example.com");
            init(ann, "SINGLE-1").ok();
            String body = BASIC_ONCE + ", \"voucher_code\": \"SINGLE-1\"}";

            JsonNode forAnn = acme.bearer(ann).post("/subscription/preview", body).ok().get(0);
            JsonNode forBob = acme.bearer(bob).post("/subscription/preview", body).error(409, "voucher_held_by_other");
            JsonNode forAnyone = acme.post("/subscription/preview", body).error(409, "voucher_held_by_other");

            assertThat(forAnn.path("prices").get(1).path("brutto").decimalValue()).isEqualByComparingTo("11.24");
            assertThat(forBob.path("details").get(0).path("field").asText()).isEqualTo("voucher_code");
            assertThat(forAnyone.path("message").asText()).startsWith("voucher_code: ");
        }

        @Test
        void refuses_an_invalid_token_even_though_anyone_may_preview() {
            String ann = customer("ann@example.com");
            acme.bearer(ann).post("/logout").ok();

            Reply revoked = acme.bearer(ann).post("/subscription/preview", BASIC_ONCE + "}");
            Reply unknown = acme.bearer("no-such-token").post("/subscription/preview",
                    BASIC_ONCE + ", \"voucher_code\": \"SINGLE-1\"}");

            revoked.error(401, "not_authenticated");
            assertThat(revoked.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            unknown.error(401, "not_authenticated");
            acme.bearer(TestServer.ACME_ADMIN_KEY).post("/subscription/preview", BASIC_ONCE + "}")
                    .error(401, "not_authenticated");
            acme.with("Authorization", "Basic YW5uOnB3").post("/subscription/preview", BASIC_ONCE + "}").ok();
        }

        @Test
        void refuses_another_tenants_token() {
            String othersCustomer = customer(server.tenant("other"), "ann@example.com");

            acme.bearer(othersCustomer).post("/subscription/preview", BASIC_ONCE + "}").error(401, "not_authenticated");
        }

        @Test
        void answers_a_code_the_rules_refuse_with_the_rules_code() {
            acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"NOPE-1\"}")
                    .error(404, "voucher_unknown");
            acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"no!\"}")
                    .error(400, "voucher_malformed");
            acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"SPRING-1\"}")
                    .error(422, "voucher_expired");
            acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"SOON-1\"}")
                    .error(422, "voucher_not_yet_valid");
        }

        @Test
        void prices_a_page_limited_code_only_on_its_page() {
            JsonNode error = acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"PAGE-1\"}")
                    .error(422, "voucher_not_valid_on_page");
            JsonNode onPage = acme.post("/subscription/preview",
                    BASIC_ONCE + ", \"voucher_code\": \"PAGE-1\", \"page_id\": \"601\"}").ok().get(0);
            acme.post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"PAGE-1\", \"page_id\": 601}").ok();

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("page_id");
            assertThat(onPage.path("prices").get(1).path("is_discounted").asBoolean()).isTrue();
        }

        @Test
        void names_a_page_id_of_the_wrong_type() {
            JsonNode error = acme.post("/subscription/preview",
                    BASIC_ONCE + ", \"voucher_code\": \"PAGE-1\", \"page_id\": \"page-601\"}").error(400, "field_type");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("page_id");
        }

        @Test
        void refuses_a_code_the_caller_has_used_up() {
            String ann = customer("ann@example.com");
            init(ann, "TEN-OFF").ok();
            consume(ann, "TEN-OFF").ok();

            acme.bearer(ann).post("/subscription/preview", BASIC_ONCE + ", \"voucher_code\": \"TEN-OFF\"}")
                    .error(409, "voucher_already_redeemed");
        }
    }

    private static JsonNode charge(JsonNode suiteProduct, int ratePlan, long chargeId) {
        for (JsonNode c : suiteProduct.path("rate_plans").get(ratePlan).path("charges")) {
            if (c.path("id").asLong() == chargeId) {
                return c;
            }
        }
        throw new AssertionError("no charge " + chargeId + " in " + suiteProduct);
    }

    private static void assertDiscounted(JsonNode prices, String netto, String tax, String brutto,
            String originalNetto, String originalTax, String originalBrutto) {
        assertThat(prices.path("is_discounted").asBoolean()).as("is_discounted of %s", prices).isTrue();
        assertThat(prices.path("netto").decimalValue()).as("netto").isEqualByComparingTo(netto);
        assertThat(prices.path("tax").decimalValue()).as("tax").isEqualByComparingTo(tax);
        assertThat(prices.path("brutto").decimalValue()).as("brutto").isEqualByComparingTo(brutto);
        assertThat(prices.path("original_netto").decimalValue()).as("original_netto").isEqualByComparingTo(originalNetto);
        assertThat(prices.path("original_tax").decimalValue()).as("original_tax").isEqualByComparingTo(originalTax);
        assertThat(prices.path("original_brutto").decimalValue()).as("original_brutto")
                .isEqualByComparingTo(originalBrutto);
    }
}
