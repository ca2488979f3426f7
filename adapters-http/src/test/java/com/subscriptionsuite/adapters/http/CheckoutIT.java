package com.subscriptionsuite.adapters.http;

import static com.subscriptionsuite.adapters.http.Shoppers.BERLIN;
import static com.subscriptionsuite.adapters.http.Shoppers.customer;
import static com.subscriptionsuite.adapters.http.Shoppers.guest;
import static com.subscriptionsuite.adapters.http.Shoppers.item;
import static com.subscriptionsuite.adapters.http.Shoppers.previewTotal;
import static com.subscriptionsuite.adapters.http.Shoppers.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * POST /subscription on a server of its own per test (clock at 2025-06-15), tenant acme: a German
 * seller, 19 % VAT; suite product 401 (basic: 9.99 a month and 2.50 a screen a month, tax
 * included, 19.00 setup, not taxable; evergreen, once per account), 402 (premium: multiple
 * allowed), 403 (not purchasable by customers).
 */
class CheckoutIT {
    private TestServer.Fresh server;
    private Http acme;
    private String ann;

    @BeforeEach
    void start() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        ann = customer(acme, "ann@example.com");
        server.engine().defineCampaigns().define(1, List.of(new CampaignWithCodes(new Campaign(1, "Spring", 204,
                null, null, List.of(601L), CodeKind.SINGLE_USE, null, null), List.of("SPRING-1"))))
                .getOrElseThrow(f -> new AssertionError(f.message()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reply checkout(String token, String body) {
        return acme.bearer(token).post("/subscription", body);
    }

    private void assertNothingBooked(String token) {
        acme.bearer(token).get("/account").error(404, "account_not_found");
        assertThat(acme.bearer(token).get("/account/invoice").ok()).isEmpty();
    }

    @Test
    void subscribes_and_answers_the_seed_s_ids_with_the_subscriptions_and_the_first_invoice() {
        JsonNode done = checkout(ann, subscribe(BERLIN, item(402, 5, 2), item(401, 3, 1))).ok();

        assertThat(done.path("success").asBoolean()).isTrue();
        assertThat(done.path("ids")).hasSize(2);
        assertThat(done.path("subscriptions").get(0).path("subscription_number").asText()).isEqualTo("S00000001");
        assertThat(done.path("subscriptions").get(0).path("suite_product_id").asLong()).isEqualTo(401);
        assertThat(done.path("subscriptions").get(0).path("id").asText()).isEqualTo(done.path("ids").get(0).asText());
        assertThat(done.path("invoice_number").asText()).isEqualTo("INV00000001");
        JsonNode listed = acme.bearer(ann).get("/account/subscription").ok();
        assertThat(listed).extracting(s -> s.path("subscription").path("id").asText())
                .containsExactly(done.path("ids").get(0).asText(), done.path("ids").get(1).asText());
        assertThat(listed).extracting(s -> s.path("uuid").asText()).containsExactly(
                done.path("subscriptions").get(0).path("uuid").asText(),
                done.path("subscriptions").get(1).path("uuid").asText());
    }

    @Nested
    class The_first_invoice_totals_what_the_preview_showed {
        @Test
        void for_basic_with_three_screens_hand_computed() {
            String cart = subscribe(BERLIN, item(401, 3, 1));
            JsonNode preview = acme.post("/subscription/preview", cart).ok();

            checkout(ann, cart).ok();

            JsonNode invoice = acme.bearer(ann).get("/account/invoice").ok().get(0);
            // 9.99 + 3 × 2.50 (tax included) + 19.00 setup (not taxable)
            assertThat(previewTotal(preview)).isEqualByComparingTo("36.49");
            assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo(previewTotal(preview));
            assertThat(invoice.path("tax_amount").decimalValue()).isEqualByComparingTo("2.80");
            assertThat(invoice.path("amount_without_tax").decimalValue()).isEqualByComparingTo("33.69");
        }

        @Test
        void with_a_held_voucher_which_the_checkout_consumes() {
            acme.bearer(ann).post("/voucher-code/spring-1/init", "{\"page_id\": \"601\"}").ok();
            String cart = """
                    {"suite_products": [%s], "account": %s, "voucher_code": "SPRING-1", "page_id": 601}"""
                    .formatted(item(401, 3, 1), BERLIN);
            JsonNode preview = acme.bearer(ann).post("/subscription/preview", cart).ok();

            checkout(ann, cart).ok();

            assertThat(previewTotal(preview)).isEqualByComparingTo("29.74");
            assertThat(acme.bearer(ann).get("/account/invoice").ok().get(0).path("amount").decimalValue())
                    .isEqualByComparingTo("29.74");
            acme.bearer(ann).post("/voucher-code/SPRING-1/consume").error(409, "voucher_not_held");
            assertThat(acme.bearer(ann).get("/account/rate-plan").ok())
                    .extracting(p -> p.path("product_rate_plan_id").asText()).containsExactly("201", "204");
        }
    }

    @Nested
    class Paying_by_bank_transfer {
        private String withPayment(String account, String paymentMethod) {
            return """
                    {"suite_products": [%s], "account": %s, "payment_method": %s}"""
                    .formatted(item(401, 1, 1), account, paymentMethod);
        }

        @Test
        void creates_the_method_from_the_body_put_account_payment_method_takes_and_makes_it_the_account_s() {
            checkout(ann, withPayment(BERLIN, "{\"type\": \"BankTransfer\", \"data\": {}}")).ok();

            JsonNode method = acme.bearer(ann).get("/account/payment-method").ok();
            assertThat(method.path("type").asText()).isEqualTo("BankTransfer");
            assertThat(method.path("id").asText()).hasSize(32);
            JsonNode shown = acme.bearer(ann).get("/payment-method/" + method.path("id").asText()).ok();
            assertThat(shown.path("data").path("status").asText()).isEqualTo("ACTIVE");
            String bob = customer(acme, "bob@example.com");
            acme.bearer(bob).get("/payment-method/" + method.path("id").asText())
                    .error(404, "payment_method_not_found");
            acme.bearer(bob).get("/account/payment-method").error(404, "account_not_found");
        }

        @Test
        void takes_an_empty_id_and_masked_data_as_put_account_payment_method_does() {
            checkout(ann, withPayment(BERLIN, """
                    {"id": "", "type": "BankTransfer", "data": {"bank_transfer_account_name": "Ann Example",
                     "bank_transfer_account_number_mask": "******************3000"}}""")).ok();

            JsonNode data = acme.bearer(ann).get("/account/payment-method").ok().path("data");
            assertThat(data.path("bank_transfer_account_name").asText()).isEqualTo("Ann Example");
            assertThat(data.path("bank_transfer_account_number_mask").asText()).isEqualTo("******************3000");
        }

        @Test
        void refuses_unmasked_data_naming_the_field_and_books_nothing() {
            JsonNode error = checkout(ann, withPayment(BERLIN, """
                    {"type": "BankTransfer", "data": {"bank_transfer_account_number_mask": "DE89370400440532013000"}}"""))
                    .error(400, "payment_data_invalid");

            assertThat(error.path("details").get(0).path("field").asText())
                    .isEqualTo("payment_method.data.bank_transfer_account_number_mask");
            assertThat(error.path("message").asText()).doesNotContain("0532013000");
            assertNothingBooked(ann);
        }

        @Test
        void refuses_a_bank_transfer_the_shop_does_not_offer_in_the_account_s_country() {
            String inParis = BERLIN.replace("\"zip_code\": \"10115\", \"city\": \"Berlin\", \"country\": \"DE\"",
                    "\"zip_code\": \"75001\", \"city\": \"Paris\", \"country\": \"FR\"");

            JsonNode error = checkout(ann, withPayment(inParis, "{\"type\": \"BankTransfer\"}"))
                    .error(422, "payment_method_not_offered");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("payment_method.type");
            assertNothingBooked(ann);
        }

        @Test
        void refuses_other_types_without_an_id_an_unknown_type_and_neither_id_nor_type() {
            JsonNode card = checkout(ann, withPayment(BERLIN, "{\"type\": \"CreditCard\", \"data\": {}}"))
                    .error(400, "payment_method_id_required");
            assertThat(card.path("details").get(0).path("field").asText()).isEqualTo("payment_method.id");
            checkout(ann, withPayment(BERLIN, "{\"id\": \"\", \"type\": \"PayPal\"}"))
                    .error(400, "payment_method_id_required");
            checkout(ann, withPayment(BERLIN, "{\"type\": \"Cash\"}")).error(400, "payment_type_unknown");
            JsonNode none = checkout(ann, withPayment(BERLIN, "{\"data\": {}}")).error(400, "field_required");
            assertThat(none.path("details").get(0).path("field").asText()).isEqualTo("payment_method.id");
            JsonNode typed = checkout(ann, withPayment(BERLIN,
                    "{\"type\": \"BankTransfer\", \"data\": {\"bank_transfer_account_name\": 7}}"))
                    .error(400, "field_type");
            assertThat(typed.path("details").get(0).path("field").asText())
                    .isEqualTo("payment_method.data.bank_transfer_account_name");
            assertNothingBooked(ann);
        }
    }

    @Nested
    class A_guest {
        @Test
        void subscribes_where_the_shop_allows_guest_checkout() {
            String guest = guest(acme);

            assertThat(checkout(guest, subscribe(BERLIN, item(401, 1, 1))).ok().path("ids")).hasSize(1);
        }

        @Test
        void is_refused_once_the_shop_turned_guest_checkout_off_and_cannot_use_customer_routes() {
            String guest = guest(acme);
            server.engine().defineTenant().define(TestServer.withoutGuestCheckout(TestServer.withAccess(
                    SampleTenants.full(1, "acme"), TestServer.ACME_ORIGIN, TestServer.ACME_ADMIN_KEY)))
                    .getOrElseThrow(f -> new AssertionError(f.problems().toString()));

            checkout(guest, subscribe(BERLIN, item(401, 1, 1))).error(403, "guest_checkout_disabled");
            acme.bearer(guest).get("/account").error(403, "customer_required");
            acme.post("/login/guest").error(403, "guest_checkout_disabled");
        }
    }

    @Test
    void needs_a_token() {
        Reply reply = acme.post("/subscription", subscribe(BERLIN, item(401, 1, 1)));

        reply.error(401, "not_authenticated");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Nested
    class Refuses_and_books_nothing {
        @Test
        void account_data_that_breaks_the_seed_s_rules_naming_every_field() {
            JsonNode error = checkout(ann, subscribe("""
                    {"first_name": "Ann", "street": "Hauptstr. 1", "zip_code": "10115", "city": "Berlin",
                     "country": "Germany", "email": "ann@example.com", "phone": "1", "vat_id": "DE123"}""",
                    item(401, 1, 1))).error(400, "account_invalid");

            assertThat(error.path("details")).extracting(d -> d.path("field").asText())
                    .containsExactly("account.last_name", "account.country", "account.vat_id");
            assertNothingBooked(ann);
        }

        @Test
        void a_body_without_account_or_with_an_unknown_field() {
            checkout(ann, "{\"suite_products\": [" + item(401, 1, 1) + "]}").error(400, "field_required");
            JsonNode unknown = checkout(ann, "{\"suite_products\": [{\"id\": 401, \"quantity\": 1, \"order_pos\": 1, "
                    + "\"colour\": \"red\"}], \"account\": " + BERLIN + "}").error(400, "field_unknown");
            assertThat(unknown.path("message").asText()).startsWith("suite_products[0].colour");
            assertNothingBooked(ann);
        }

        @Test
        void a_cart_the_preview_refuses() {
            checkout(ann, subscribe(BERLIN)).error(400, "cart_empty");
            checkout(ann, subscribe(BERLIN, item(401, 1, 1), item(402, 1, 1))).error(400, "order_pos_duplicate");
            checkout(ann, subscribe(BERLIN, item(999, 1, 1))).error(422, "suite_product_not_found");
            checkout(ann, subscribe(BERLIN, item(401, 11, 1))).error(422, "quantity_out_of_range");
            assertNothingBooked(ann);
        }

        @Test
        void a_suite_product_customers_cannot_buy() {
            JsonNode error = checkout(ann, subscribe(BERLIN, item(401, 1, 1), item(403, 1, 2)))
                    .error(422, "suite_product_not_purchasable");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("suite_products[1].id");
            assertNothingBooked(ann);
        }

        @Test
        void a_second_subscription_where_only_one_is_allowed() {
            checkout(ann, subscribe(BERLIN, item(401, 1, 1), item(401, 1, 2)))
                    .error(409, "multiple_subscriptions_not_allowed");
            assertNothingBooked(ann);
            checkout(ann, subscribe(BERLIN, item(401, 1, 1))).ok();

            checkout(ann, subscribe(BERLIN, item(401, 1, 1))).error(409, "multiple_subscriptions_not_allowed");
            checkout(ann, subscribe(BERLIN, item(402, 1, 1))).ok();
            checkout(ann, subscribe(BERLIN, item(402, 1, 1))).ok();
            assertThat(acme.bearer(ann).get("/account/subscription").ok()).hasSize(3);
        }

        @Test
        void a_currency_the_shop_does_not_sell_in_or_another_than_the_account_s() {
            String inFrancs = BERLIN.replace("\"vat_id\": \"\"", "\"vat_id\": \"\", \"currency\": \"CHF\"");
            String inDollars = BERLIN.replace("\"vat_id\": \"\"", "\"vat_id\": \"\", \"currency\": \"USD\"");

            JsonNode error = checkout(ann, subscribe(inFrancs, item(402, 1, 1))).error(422, "currency_not_offered");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("account.currency");
            assertNothingBooked(ann);
            checkout(ann, subscribe(BERLIN, item(402, 1, 1))).ok();
            checkout(ann, subscribe(inDollars, item(402, 1, 1))).error(409, "account_currency_locked");
        }

        @Test
        void rate_plans_and_charges_that_are_not_the_suite_product_s() {
            String wrongPlan = "{\"id\": 401, \"quantity\": 1, \"order_pos\": 1, \"rate_plans\": [{\"id\": 202}]}";
            String missingCharge = "{\"id\": 401, \"quantity\": 1, \"order_pos\": 1, "
                    + "\"rate_plans\": [{\"id\": 201, \"charges\": [{\"id\": 301}, {\"id\": 302}]}]}";
            String allCharges = "{\"id\": 401, \"quantity\": 1, \"order_pos\": 1, "
                    + "\"rate_plans\": [{\"id\": 201, \"charges\": [{\"id\": 303}, {\"id\": 301}, {\"id\": 302}]}]}";

            checkout(ann, subscribe(BERLIN, wrongPlan)).error(422, "rate_plan_mismatch");
            checkout(ann, subscribe(BERLIN, missingCharge)).error(422, "rate_plan_mismatch");
            assertNothingBooked(ann);
            checkout(ann, subscribe(BERLIN, allCharges)).ok();
        }

        @Test
        void a_payment_method_that_is_not_the_caller_s() {
            JsonNode error = checkout(ann, """
                    {"suite_products": [%s], "account": %s,
                     "payment_method": {"id": "pm-of-someone", "type": "CreditCard", "data": {}}}"""
                    .formatted(item(401, 1, 1), BERLIN)).error(404, "payment_method_not_found");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("payment_method.id");
            assertNothingBooked(ann);
        }

        @Test
        void a_voucher_the_caller_does_not_hold_an_unknown_one_and_one_off_its_pages() {
            String bob = customer(acme, "bob@example.com");
            acme.bearer(bob).post("/voucher-code/SPRING-1/init", "{\"page_id\": 601}").ok();
            String withCode = """
                    {"suite_products": [%s], "account": %s, "voucher_code": "%s"}""";

            checkout(ann, withCode.formatted(item(401, 1, 1), BERLIN, "SPRING-1")).error(409, "voucher_not_held");
            checkout(ann, withCode.formatted(item(401, 1, 1), BERLIN, "NOPE-1")).error(404, "voucher_unknown");
            checkout(bob, """
                    {"suite_products": [%s], "account": %s, "voucher_code": "SPRING-1", "page_id": "602"}"""
                    .formatted(item(401, 1, 1), BERLIN)).error(422, "voucher_not_valid_on_page");
            assertNothingBooked(ann);
            assertNothingBooked(bob);
            acme.bearer(bob).post("/voucher-code/SPRING-1/consume").ok();
        }
    }
}
