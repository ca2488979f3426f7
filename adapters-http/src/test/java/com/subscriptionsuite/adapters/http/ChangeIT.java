package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.fixtures.Subscriptions;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The subscription-change operations on {@code /product/{uuid}/...}, each test on a server of its own
 * whose clock stands at 2025-06-15T10:00Z. The shop is {@code team} ({@link TeamShop}: Basic seats
 * 29.90, Pro seats 49.90 a month, tax-exclusive, German VAT 19 %). Ann's subscriptions start and bill
 * monthly from 2025-01-07 and are invoiced through 2025-07-07, so today lies in the billing period
 * 2025-06-07..2025-07-07: 30 days, 22 left, factor 22/30 = 0.733333333.
 */
class ChangeIT {
    private static final String PASSWORD = "correct horse battery";
    private static final long TEAM = 7;
    private static final LocalDate START = LocalDate.of(2025, 1, 7);
    private static final LocalDate INVOICED_THROUGH = LocalDate.of(2025, 7, 7);

    private TestServer.Fresh server;
    private Http team;
    private String annToken;
    private BillingAccount ann;

    @BeforeEach
    void startServerWithAnnsAccount() {
        server = TestServer.fresh();
        team = server.tenant("team");
        annToken = register(team, "ann@example.com");
        ann = Subscriptions.account(server.billing(), server.links(), TEAM, userId(TEAM, annToken),
                Subscriptions.germanConsumer("Ann"), TeamShop.EUR);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String register(Http http, String email) {
        return http.post("/register", """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD)).ok().path("token").asText();
    }

    private long userId(long tenantId, String token) {
        return server.engine().authenticate().authenticate(tenantId, token)
                .getOrElseThrow(f -> new AssertionError(f.message())).userId();
    }

    private Subscription subscribe(long suiteProductId, long quantity) {
        return subscribe(TeamShop.definition(TEAM, "team", TeamShop.CANCEL_SELF_SERVICE), suiteProductId, quantity);
    }

    private Subscription subscribe(TenantDefinition catalog, long suiteProductId, long quantity) {
        return Subscriptions.in(server.billing(), catalog).account(ann).suiteProduct(suiteProductId)
                .quantity(quantity).startingOn(START).chargedThrough(INVOICED_THROUGH).save();
    }

    private Http annsClient() {
        return team.bearer(annToken);
    }

    private Subscription stored(Subscription s) {
        return server.billing().subscription(TEAM, s.uuid()).getOrElseThrow(() -> new AssertionError("gone"));
    }

    /** "netto/tax/brutto" of an amounts object, in cents (the reader drops trailing zeros; the wire has them). */
    private static String amounts(JsonNode node) {
        return cents(node.path("netto")) + "/" + cents(node.path("tax")) + "/" + cents(node.path("brutto"));
    }

    private static String cents(JsonNode amount) {
        assertThat(amount.isNumber()).as("%s is a number", amount).isTrue();
        return amount.decimalValue().setScale(2).toPlainString();
    }

    private static List<String> lines(JsonNode preview) {
        List<String> out = new ArrayList<>();
        preview.path("lines").forEach(l -> out.add(l.path("kind").asText() + " " + l.path("description").asText() + " "
                + amounts(l)));
        return out;
    }

    @Nested
    class A_quantity_upgrade {
        @Test
        void is_previewed_with_hand_computed_money_and_the_products_fields() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode body = annsClient().get("/product/" + basic.uuid() + "/preview/change-quantity/3").ok();
            JsonNode p = body.path("preview");

            assertThat(body.path("id").asLong()).isEqualTo(801);
            assertThat(body.path("name").asText()).isEqualTo("Team workspace");
            assertThat(body.path("sku").asText()).isEqualTo("SKU-TEAM");
            assertThat(body.path("tenant_id").asLong()).isEqualTo(TEAM);
            assertThat(body.has("booking")).isFalse();
            assertThat(p.path("action").asText()).isEqualTo("quantity_upgrade");
            assertThat(p.path("timing").asText()).isEqualTo("immediately");
            assertThat(p.path("effective_date").asText()).isEqualTo("2025-06-15");
            assertThat(p.path("proration").path("factor").decimalValue()).isEqualByComparingTo("0.733333333");
            assertThat(p.path("proration").path("remaining_days").asLong()).isEqualTo(22);
            assertThat(p.path("proration").path("period_days").asLong()).isEqualTo(30);
            // credit 59.80 × 22/30 = 43.8533 → 43.85, tax 8.3315 → 8.33; charge 89.70 × 22/30 = 65.78, tax 12.4982 → 12.50
            assertThat(lines(p)).containsExactly(
                    "credit Credit: Basic seats (quantity 2) -43.85/-8.33/-52.18",
                    "charge Basic seats (quantity 3) 65.78/12.50/78.28");
            assertThat(amounts(p.path("total"))).isEqualTo("21.93/4.17/26.10");
            assertThat(amounts(p.path("current_period_price"))).isEqualTo("59.80/11.36/71.16");
            assertThat(amounts(p.path("new_period_price"))).isEqualTo("89.70/17.04/106.74");
            assertThat(p.path("new_price_from").asText()).isEqualTo("2025-07-07");
            assertThat(p.path("next_billing_date").asText()).isEqualTo("2025-07-07");
            assertThat(p.path("next_invoice").path("date").asText()).isEqualTo("2025-06-15");
            assertThat(p.path("next_invoice").path("of_this_change").asBoolean()).isTrue();
            assertThat(amounts(p.path("next_invoice"))).isEqualTo("21.93/4.17/26.10");
            assertThat(p.path("tax").path("rate").decimalValue()).isEqualByComparingTo("19");
            assertThat(p.path("tax").path("reason").asText()).isEqualTo("domestic");
            assertThat(p.path("currency").asText()).isEqualTo("EUR");
        }

        @Test
        void is_booked_as_previewed_with_an_invoice_and_a_new_segment() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode preview = annsClient().get("/product/" + basic.uuid() + "/preview/change-quantity/3").ok();
            Reply reply = annsClient().put("/product/" + basic.uuid() + "/quantity/3");
            JsonNode booked = reply.ok();

            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(booked.path("preview")).isEqualTo(preview.path("preview"));
            assertThat(reply.body()).contains("\"brutto\":26.10");
            JsonNode booking = booked.path("booking");
            assertThat(booking.path("subscription_version").asInt()).isEqualTo(2);
            Invoice invoice = server.billing().invoice(TEAM, booking.path("invoice_id").asText())
                    .getOrElseThrow(() -> new AssertionError("no invoice"));
            assertThat(invoice.number()).isEqualTo(booking.path("invoice_number").asText());
            assertThat(invoice.total().brutto().getAmount()).isEqualByComparingTo("26.10");
            assertThat(stored(basic).chargesOn(LocalDate.of(2025, 6, 15))).filteredOn(c -> c.chargeId()
                    == TeamShop.BASIC_SEATS).extracting(SubscribedCharge::quantity).containsExactly(3L);
            assertThat(server.billing().amendments(TEAM, basic.id())).singleElement()
                    .satisfies(a -> assertThat(a.id()).isEqualTo(booking.path("amendment_id").asText()));
        }
    }

    @Test
    void the_change_quantity_initialisation_gives_the_range_and_the_offered_changes() {
        Subscription basic = subscribe(TeamShop.BASIC, 2);
        JsonNode body = annsClient().get("/product/" + basic.uuid() + "/preview/change-quantity").ok();
        JsonNode p = body.path("preview");

        assertThat(body.path("id").asLong()).isEqualTo(801);
        assertThat(p.path("current_quantity").asLong()).isEqualTo(2);
        assertThat(p.path("min_quantity").asLong()).isEqualTo(1);
        assertThat(p.path("max_quantity").asLong()).isEqualTo(10);
        assertThat(p.path("different_quantities_allowed").asBoolean()).isTrue();
        assertThat(p.path("quantity_upgrade").toString()).isEqualTo(
                "{\"allowed\":true,\"behaviour\":\"self_service\",\"timing\":\"immediately\",\"effective_date\":\"2025-06-15\"}");
        assertThat(p.path("quantity_downgrade").toString()).isEqualTo("{\"allowed\":true,\"behaviour\":\"self_service\","
                + "\"timing\":\"end_of_billing_period\",\"effective_date\":\"2025-07-07\"}");
        assertThat(amounts(p.path("current_period_price"))).isEqualTo("59.80/11.36/71.16");

        Subscription pro = subscribe(TeamShop.PRO, 3);
        JsonNode proOptions = annsClient().get("/product/" + pro.uuid() + "/preview/change-quantity").ok().path("preview");
        assertThat(proOptions.path("quantity_upgrade").path("behaviour").asText()).isEqualTo("contact_us");
        assertThat(proOptions.path("quantity_upgrade").path("effective_date").isNull()).isTrue();
        assertThat(proOptions.path("quantity_downgrade").path("allowed").asBoolean()).isFalse();
        assertThat(proOptions.path("has_contact_us_link").asBoolean()).isTrue();
    }

    @Nested
    class A_quantity_downgrade {
        @Test
        void takes_effect_at_the_period_end_invoices_nothing_and_blocks_further_changes() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode booked = annsClient().put("/product/" + basic.uuid() + "/quantity/1").ok();

            assertThat(booked.path("preview").path("timing").asText()).isEqualTo("end_of_billing_period");
            assertThat(booked.path("preview").path("effective_date").asText()).isEqualTo("2025-07-07");
            assertThat(booked.path("preview").path("lines").size()).isZero();
            assertThat(booked.path("preview").path("proration").isNull()).isTrue();
            assertThat(amounts(booked.path("preview").path("new_period_price"))).isEqualTo("29.90/5.68/35.58");
            assertThat(booked.path("preview").path("next_invoice").path("of_this_change").asBoolean()).isFalse();
            assertThat(booked.path("booking").path("invoice_id").isNull()).isTrue();
            assertThat(stored(basic).pendingAfter(LocalDate.of(2025, 6, 15))).extracting(SubscribedCharge::quantity)
                    .containsExactly(1L);

            annsClient().get("/product/" + basic.uuid() + "/preview/change-quantity/3").error(409, "change_pending");
        }
    }

    @Nested
    class A_replacement {
        @Test
        void upgrades_immediately_by_the_seeds_get_and_is_not_booked_twice() {
            Subscription basic = subscribe(TeamShop.BASIC, 1);
            JsonNode preview = annsClient().get("/product/" + basic.uuid() + "/preview/replace/951").ok();
            JsonNode p = preview.path("preview");

            // credit 29.90 × 22/30 = 21.9267 → 21.93, tax 4.1667 → 4.17; charge 49.90 × 22/30 = 36.5933 → 36.59, tax 6.9521 → 6.95
            assertThat(p.path("action").asText()).isEqualTo("upgrade");
            assertThat(p.path("suite_product_id").asLong()).isEqualTo(TeamShop.PRO);
            assertThat(p.path("current_suite_product_id").asLong()).isEqualTo(TeamShop.BASIC);
            assertThat(lines(p)).containsExactly(
                    "credit Credit: Basic seats (quantity 1) -21.93/-4.17/-26.10",
                    "charge Pro seats (quantity 1) 36.59/6.95/43.54");
            assertThat(amounts(p.path("total"))).isEqualTo("14.66/2.78/17.44");
            assertThat(amounts(p.path("new_period_price"))).isEqualTo("49.90/9.48/59.38");

            JsonNode booked = annsClient().get("/product/" + basic.uuid() + "/replace/951").ok();
            assertThat(booked.path("preview")).isEqualTo(p);
            assertThat(booked.path("booking").path("invoice_id").isTextual()).isTrue();

            annsClient().get("/product/" + basic.uuid() + "/replace/951").error(404, "change_option_not_found");
            annsClient().put("/product/" + basic.uuid() + "/replace/951").error(404, "change_option_not_found");
            assertThat(stored(basic).version()).isEqualTo(2);
        }

        @Test
        void downgrades_at_the_period_end_by_put() {
            Subscription pro = subscribe(TeamShop.PRO, 1);
            JsonNode booked = annsClient().put("/product/" + pro.uuid() + "/replace/957").ok();

            assertThat(booked.path("preview").path("action").asText()).isEqualTo("downgrade");
            assertThat(booked.path("preview").path("effective_date").asText()).isEqualTo("2025-07-07");
            assertThat(amounts(booked.path("preview").path("new_period_price"))).isEqualTo("29.90/5.68/35.58");
            assertThat(booked.path("booking").path("invoice_id").isNull()).isTrue();
        }
    }

    @Nested
    class A_cancel {
        @Test
        void is_previewed_and_booked_for_the_end_of_the_billing_period_once() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode preview = annsClient().get("/product/" + basic.uuid() + "/preview/cancel").ok().path("preview");

            assertThat(preview.path("action").asText()).isEqualTo("cancel");
            assertThat(preview.path("effective_date").asText()).isEqualTo("2025-07-07");
            assertThat(preview.path("next_invoice").isNull()).isTrue();
            assertThat(preview.path("next_billing_date").isNull()).isTrue();
            assertThat(preview.path("new_price_from").isNull()).isTrue();
            assertThat(amounts(preview.path("new_period_price"))).isEqualTo("0.00/0.00/0.00");

            JsonNode booked = annsClient().put("/product/" + basic.uuid() + "/cancel").ok();
            assertThat(booked.path("preview")).isEqualTo(preview);
            assertThat(stored(basic).cancelDate()).isEqualTo(LocalDate.of(2025, 7, 7));

            annsClient().put("/product/" + basic.uuid() + "/cancel").error(409, "subscription_cancelled");
            annsClient().get("/product/" + basic.uuid() + "/preview/change-quantity/3")
                    .error(409, "subscription_cancelled");
        }

        @Test
        void takes_a_wished_date_from_the_query_or_the_body() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            assertThat(annsClient().get("/product/" + basic.uuid() + "/preview/cancel?effective_date=2025-08-01").ok()
                    .path("preview").path("effective_date").asText()).isEqualTo("2025-08-07");

            annsClient().put("/product/" + basic.uuid() + "/cancel?effective_date=2025-08-01",
                    "{\"effective_date\": \"2025-08-01\"}").error(400, "field_type");
            JsonNode booked = annsClient().put("/product/" + basic.uuid() + "/cancel",
                    "{\"effective_date\": \"2025-08-01\"}").ok();
            assertThat(booked.path("preview").path("effective_date").asText()).isEqualTo("2025-08-07");
        }

        @Test
        void refuses_a_wished_date_within_the_notice_period_naming_the_earliest_date() {
            Subscription pro = subscribe(TeamShop.PRO, 1);
            JsonNode error = annsClient().put("/product/" + pro.uuid() + "/cancel?effective_date=2025-07-01")
                    .error(422, "notice_period");

            assertThat(error.path("message").asText()).contains("the earliest date is 2025-07-15");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("effective_date");
            assertThat(stored(pro).cancelDate()).isNull();
        }

        @Test
        void with_notice_into_a_period_not_invoiced_credits_nothing() {
            Subscription pro = subscribe(TeamShop.PRO, 1);
            JsonNode p = annsClient().get("/product/" + pro.uuid() + "/preview/cancel").ok().path("preview");

            // Pro: immediately, 30 days of notice: 2025-07-15, after the invoiced period ending 2025-07-07
            assertThat(p.path("timing").asText()).isEqualTo("immediately");
            assertThat(p.path("effective_date").asText()).isEqualTo("2025-07-15");
            assertThat(p.path("notice_end").asText()).isEqualTo("2025-07-15");
            assertThat(p.path("lines").size()).isZero();
            assertThat(p.path("next_billing_date").asText()).isEqualTo("2025-07-07");
            assertThat(amounts(p.path("next_invoice"))).isEqualTo("49.90/9.48/59.38");
        }

        @Test
        void refuses_a_malformed_date() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode error = annsClient().get("/product/" + basic.uuid() + "/preview/cancel?effective_date=07/01/2025")
                    .error(400, "field_type");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("effective_date");
        }

        @Test
        void is_refused_where_the_shop_does_not_offer_cancelling() {
            Http locked = server.tenant("team-locked");
            String token = register(locked, "carl@example.com");
            BillingAccount carl = Subscriptions.account(server.billing(), server.links(), 8, userId(8, token),
                    Subscriptions.germanConsumer("Carl"), TeamShop.EUR);
            Subscription basic = Subscriptions.in(server.billing(), TeamShop.definition(8, "team-locked",
                            TeamShop.NO_CANCEL)).account(carl).suiteProduct(TeamShop.BASIC).startingOn(START)
                    .chargedThrough(INVOICED_THROUGH).save();

            locked.bearer(token).put("/product/" + basic.uuid() + "/cancel").error(422, "change_not_allowed");
            locked.bearer(token).get("/product/" + basic.uuid() + "/preview/cancel").error(422, "change_not_allowed");
        }
    }

    @Nested
    class Refusals {
        @ParameterizedTest(name = "{0} {1} on {2}: {3} {4}")
        @CsvSource({
            "GET, /preview/change-quantity/11, 901, 422, quantity_out_of_range",
            "PUT, /quantity/2,                 901, 422, quantity_unchanged",
            "PUT, /quantity/3,                 907, 422, quantity_fixed",
            "PUT, /quantity/4,                 902, 422, change_contact_us",
            "GET, /preview/change-quantity/1,  902, 422, change_not_allowed",
            "GET, /preview/replace/999,        901, 404, change_option_not_found",
            "GET, /preview/replace/954,        901, 422, change_option_unavailable",
            "PUT, /replace/955,                901, 422, not_priced_in_currency",
            "GET, /replace/952,                901, 422, billing_period_change_not_supported",
            "PUT, /cancel,                     907, 422, change_contact_us",
            "PUT, /cancel,                     908, 422, change_not_allowed",
        })
        void answer_each_rule_with_its_code_and_book_nothing(String method, String path, long suiteProduct, int status,
                String code) {
            Subscription s = subscribe(suiteProduct, suiteProduct == TeamShop.PRO ? 3 : 2);
            String target = "/product/" + s.uuid() + path;
            Reply reply = method.equals("PUT") ? annsClient().put(target) : annsClient().get(target);

            reply.error(status, code);
            assertThat(stored(s).version()).isEqualTo(1);
            assertThat(server.billing().invoices(TEAM, ann.id())).isEmpty();
        }

        @Test
        void answer_a_subscription_that_cannot_be_changed_in_the_customer_center_with_409_or_422() {
            TenantDefinition sample = SampleTenants.full(TEAM, "team");
            Subscription withdrawn = subscribe(sample, 403, 1);
            Subscription mixed = Subscriptions.in(server.billing(), sample).account(ann).suiteProduct(402).quantity(5)
                    .startingOn(START).chargedThrough(LocalDate.of(2026, 1, 7)).save();
            Subscription later = Subscriptions.in(server.billing(), TeamShop.definition(TEAM, "team",
                    TeamShop.CANCEL_SELF_SERVICE)).account(ann).suiteProduct(TeamShop.BASIC)
                    .startingOn(LocalDate.of(2025, 7, 1)).save();

            annsClient().get("/product/" + withdrawn.uuid() + "/preview/cancel").error(409, "suite_product_withdrawn");
            annsClient().get("/product/" + mixed.uuid() + "/preview/cancel").error(422, "billing_period_not_supported");
            annsClient().get("/product/" + later.uuid() + "/preview/cancel").error(409, "subscription_not_started");
        }

        @ParameterizedTest(name = "quantity {0}")
        @ValueSource(strings = {"0", "-1", "abc", "1.5", "99999999999999999999"})
        void refuse_a_quantity_that_is_not_a_positive_integer_naming_the_path_parameter(String quantity) {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode error = annsClient().put("/product/" + basic.uuid() + "/quantity/" + quantity)
                    .error(400, "field_type");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("quantity");
            annsClient().get("/product/" + basic.uuid() + "/preview/change-quantity/" + quantity)
                    .error(400, "field_type");
        }

        @Test
        void refuse_a_change_option_id_that_is_not_a_positive_integer() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            JsonNode error = annsClient().get("/product/" + basic.uuid() + "/preview/replace/pro").error(400, "field_type");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("changeOptionId");
            annsClient().put("/product/" + basic.uuid() + "/replace/0").error(400, "field_type");
        }

        @Test
        void refuse_a_body_with_fields_on_a_quantity_change() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            annsClient().put("/product/" + basic.uuid() + "/quantity/3", "{\"quantity\": 3}").error(400, "field_unknown");
            assertThat(stored(basic).version()).isEqualTo(1);
        }
    }

    @Nested
    class Access {
        static final List<String> GETS = List.of("/preview/cancel", "/preview/change-quantity",
                "/preview/change-quantity/3", "/preview/replace/951", "/replace/951");
        static final List<String> PUTS = List.of("/cancel", "/quantity/3", "/replace/951");

        @Test
        void another_customer_gets_404_for_anns_subscription_on_every_route() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            String bob = register(team, "bob@example.com");
            Subscriptions.account(server.billing(), server.links(), TEAM, userId(TEAM, bob), Subscriptions.germanConsumer("Bob"),
                    TeamShop.EUR);

            for (String path : GETS) {
                JsonNode error = team.bearer(bob).get("/product/" + basic.uuid() + path)
                        .error(404, "subscription_not_found");
                assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("uuid");
            }
            for (String path : PUTS) {
                team.bearer(bob).put("/product/" + basic.uuid() + path).error(404, "subscription_not_found");
            }
            String noAccount = register(team, "dora@example.com");
            team.bearer(noAccount).put("/product/" + basic.uuid() + "/cancel").error(404, "subscription_not_found");
            annsClient().get("/product/no-such-uuid/preview/cancel").error(404, "subscription_not_found");
            assertThat(stored(basic).version()).isEqualTo(1);
        }

        @Test
        void a_guest_is_refused_with_403_and_no_token_with_401() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            String guest = team.post("/login/guest").ok().path("token").asText();

            for (String path : GETS) {
                team.bearer(guest).get("/product/" + basic.uuid() + path).error(403, "customer_required");
                team.get("/product/" + basic.uuid() + path).error(401, "not_authenticated");
            }
            for (String path : PUTS) {
                team.bearer(guest).put("/product/" + basic.uuid() + path).error(403, "customer_required");
                team.put("/product/" + basic.uuid() + path).error(401, "not_authenticated");
            }
            assertThat(stored(basic).version()).isEqualTo(1);
        }

        @Test
        void a_token_of_another_tenant_is_not_authenticated_here() {
            Subscription basic = subscribe(TeamShop.BASIC, 2);
            String acme = register(server.tenant("acme"), "ann@example.com");

            team.bearer(acme).put("/product/" + basic.uuid() + "/cancel").error(401, "not_authenticated");
        }
    }
}
