package com.subscriptionsuite.adapters.http;

import static com.subscriptionsuite.adapters.http.Shoppers.BERLIN;
import static com.subscriptionsuite.adapters.http.Shoppers.customer;
import static com.subscriptionsuite.adapters.http.Shoppers.guest;
import static com.subscriptionsuite.adapters.http.Shoppers.item;
import static com.subscriptionsuite.adapters.http.Shoppers.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.domain.billing.Invoice;
import io.javalin.Javalin;
import io.vavr.control.Either;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET and PUT /account, GET /account/subscription, /account/rate-plan, /account/invoice and
 * /account/invoice/{invoiceId}, on a server of its own per test (clock at 2025-06-15), where Ann has
 * checked out basic (401, 2 screens) and premium (402, 5 seats) in Berlin and Bob has not.
 */
class CustomerCenterIT {
    private TestServer.Fresh server;
    private Http acme;
    private String ann;
    private String bob;
    private JsonNode checkout;

    @BeforeEach
    void start() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        ann = customer(acme, "ann@example.com");
        bob = customer(acme, "bob@example.com");
        checkout = acme.bearer(ann).post("/subscription", subscribe(BERLIN, item(401, 2, 1), item(402, 5, 2))).ok();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/account/subscription", "/account/rate-plan", "/account/invoice",
        "/account/invoice/any"})
    void refuses_callers_without_a_token_and_guests(String path) {
        acme.get(path).error(401, "not_authenticated");
        acme.bearer(guest(acme)).get(path).error(403, "customer_required");
    }

    @Test
    void shows_nothing_of_ann_s_to_bob() {
        acme.bearer(bob).get("/account").error(404, "account_not_found");
        assertThat(acme.bearer(bob).get("/account/subscription").ok()).isEmpty();
        assertThat(acme.bearer(bob).get("/account/rate-plan").ok()).isEmpty();
        assertThat(acme.bearer(bob).get("/account/invoice").ok()).isEmpty();
        acme.bearer(bob).get("/account/invoice/" + checkout.path("invoice_id").asText())
                .error(404, "invoice_not_found");
        acme.bearer(bob).put("/account", BERLIN).error(404, "account_not_found");
    }

    @Test
    void keeps_tenants_apart() {
        Http other = server.tenant("other");
        String annAtOther = customer(other, "ann@example.com");

        other.bearer(annAtOther).get("/account").error(404, "account_not_found");
        other.bearer(ann).get("/account").error(401, "not_authenticated");
    }

    @Nested
    class The_account {
        @Test
        void is_shown_as_the_seed_s_account_with_its_currency() {
            JsonNode account = acme.bearer(ann).get("/account").ok();

            assertThat(account.path("first_name").asText()).isEqualTo("Ann");
            assertThat(account.path("country").asText()).isEqualTo("DE");
            assertThat(account.path("currency").asText()).isEqualTo("EUR");
            assertThat(account.path("vat_id").asText()).isEmpty();
            assertThat(account.path("is_company").asBoolean()).isFalse();
        }

        /** Every key of the seed's Account, in its order: a form bound with Angular's setValue needs them all. */
        private static final List<String> SEED_ACCOUNT_KEYS = List.of("is_company", "company_name", "first_name",
                "last_name", "street", "zip_code", "city", "state", "country", "email", "phone", "additional_info",
                "has_billing_address", "billing_first_name", "billing_last_name", "billing_street",
                "billing_additional_info", "billing_zip_code", "billing_city", "billing_country", "billing_email",
                "billing_phone", "vat_id", "currency");

        @Test
        void answers_every_key_of_the_seed_s_account_with_empty_texts_for_what_was_never_given() {
            JsonNode account = acme.bearer(ann).get("/account").ok();

            List<String> keys = new ArrayList<>();
            account.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(SEED_ACCOUNT_KEYS);
            for (String unset : List.of("company_name", "state", "additional_info", "billing_first_name",
                    "billing_last_name", "billing_street", "billing_additional_info", "billing_zip_code",
                    "billing_city", "billing_country", "billing_email", "billing_phone")) {
                assertThat(account.path(unset).isTextual()).as(unset).isTrue();
                assertThat(account.path(unset).asText()).as(unset).isEmpty();
            }
            assertThat(account.path("has_billing_address").isBoolean()).isTrue();
            assertThat(account.path("has_billing_address").asBoolean()).isFalse();
        }

        @Test
        void answers_every_key_after_a_put_that_left_fields_out_and_only_to_its_owner() {
            acme.bearer(ann).put("/account", BERLIN.replace("\"is_company\": false, ", "")).ok();

            JsonNode account = acme.bearer(ann).get("/account").ok();

            List<String> keys = new ArrayList<>();
            account.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyElementsOf(SEED_ACCOUNT_KEYS);
            assertThat(account.path("is_company").isBoolean()).isTrue();
            assertThat(account.path("company_name").asText()).isEmpty();
            acme.bearer(bob).get("/account").error(404, "account_not_found");
        }

        @Test
        void is_replaced_by_a_put_of_a_whole_account() {
            String company = """
                    {"is_company": true, "company_name": "Ann GmbH", "first_name": "Ann", "last_name": "Example",
                     "street": "Neue Str. 2", "zip_code": "80331", "city": "München", "country": "DE",
                     "email": "ann@gmbh.example", "phone": "+49 89 1", "vat_id": "DE136695976",
                     "has_billing_address": true, "billing_first_name": "Bo", "billing_last_name": "Payer",
                     "billing_street": "Rue 2", "billing_zip_code": "75001", "billing_city": "Paris",
                     "billing_country": "FR", "currency": "EUR"}""";

            assertThat(acme.bearer(ann).put("/account", company).ok().path("success").asBoolean()).isTrue();

            JsonNode account = acme.bearer(ann).get("/account").ok();
            assertThat(account.path("company_name").asText()).isEqualTo("Ann GmbH");
            assertThat(account.path("billing_country").asText()).isEqualTo("FR");
            assertThat(account.path("vat_id").asText()).isEqualTo("DE136695976");
        }

        @Test
        void refuses_data_that_breaks_the_seed_s_rules_naming_every_field() {
            JsonNode error = acme.bearer(ann).put("/account", """
                    {"is_company": true, "first_name": "Ann", "last_name": "Example", "street": "S 1",
                     "zip_code": "1", "city": "B", "country": "DE", "email": "nope", "phone": "1",
                     "has_billing_address": true}""").error(400, "account_invalid");

            assertThat(error.path("details")).extracting(d -> d.path("field").asText()).containsExactly(
                    "company_name", "email", "billing_first_name", "billing_last_name", "billing_street",
                    "billing_zip_code", "billing_city", "billing_country", "vat_id");
            assertThat(acme.bearer(ann).get("/account").ok().path("email").asText()).isEqualTo("ann@example.com");
        }

        @Test
        void keeps_its_currency() {
            acme.bearer(ann).put("/account", BERLIN.replace("\"vat_id\": \"\"",
                    "\"vat_id\": \"\", \"currency\": \"USD\"")).error(409, "account_currency_locked");
            acme.bearer(ann).put("/account", BERLIN.replace("\"vat_id\": \"\"",
                    "\"vat_id\": \"\", \"currency\": \"JPY\"")).error(422, "currency_not_offered");
            acme.bearer(ann).put("/account", "{\"first_name\": \"Ann\", \"colour\": \"red\"}")
                    .error(400, "field_unknown");
        }
    }

    @Nested
    class The_subscriptions {
        JsonNode of(long suiteProductId) {
            for (JsonNode p : acme.bearer(ann).get("/account/subscription").ok()) {
                if (p.path("id").asLong() == suiteProductId) {
                    return p;
                }
            }
            throw new AssertionError("no subscription of " + suiteProductId);
        }

        @Test
        void show_the_suite_product_with_its_subscription_quantity_and_uuid() {
            JsonNode basic = of(401);

            assertThat(basic.path("name").asText()).isEqualTo("Basic acme");
            assertThat(basic.path("multiple_subscriptions_allowed").asInt()).isZero();
            assertThat(basic.path("cancel_behaviour").asInt()).isEqualTo(2);
            assertThat(basic.path("change_options").get(0).path("target_suite_product_id").asLong()).isEqualTo(402);
            assertThat(basic.path("quantity").asLong()).isEqualTo(2);
            assertThat(basic.path("uuid").asText()).isEqualTo(checkout.path("subscriptions").get(0).path("uuid")
                    .asText());
            assertThat(basic.path("tenant_id").asLong()).isEqualTo(1);
        }

        @Test
        void show_true_values_of_an_evergreen_subscription() {
            JsonNode s = of(401).path("subscription");

            assertThat(s.path("subscription_number").asText()).isEqualTo("S00000001");
            assertThat(s.path("account_number").asText()).isEqualTo("A00000001");
            assertThat(s.path("account_name").asText()).isEqualTo("Ann Example");
            assertThat(s.path("term_type").asText()).isEqualTo("EVERGREEN");
            assertThat(s.path("contract_effective_date").asText()).isEqualTo("2025-06-15");
            assertThat(s.path("term_start_date").asText()).isEqualTo("2025-06-15");
            assertThat(s.path("term_end_date").isNull()).isTrue();
            assertThat(s.path("status").asText()).isEqualTo("Active");
            // net 8.39 + 4.20 a month; TCV 19.00 setup + 12 months
            assertThat(s.path("contracted_mrr").decimalValue()).isEqualByComparingTo("12.59");
            assertThat(s.path("total_contracted_value").decimalValue()).isEqualByComparingTo("170.08");
            assertThat(s.path("current_end_date").asText()).isEqualTo("2025-07-15");
        }

        @Test
        void show_true_values_of_a_termed_subscription_and_its_charges() {
            JsonNode s = of(402).path("subscription");
            JsonNode seats = s.path("rate_plans").get(0).path("rate_plan_charges").get(0);

            assertThat(s.path("term_type").asText()).isEqualTo("TERMED");
            assertThat(s.path("term_end_date").asText()).isEqualTo("2026-06-15");
            assertThat(s.path("initial_term").asInt()).isEqualTo(12);
            assertThat(s.path("initial_term_period_type").asText()).isEqualTo("Month");
            assertThat(s.path("renewal_setting").asText()).isEqualTo("RENEW_WITH_SPECIFIC_TERM");
            assertThat(s.path("contracted_mrr").decimalValue()).isEqualByComparingTo("19.50");
            assertThat(s.path("total_contracted_value").decimalValue()).isEqualByComparingTo("234.00");
            assertThat(seats.path("product_rate_plan_charge_id").asText()).isEqualTo("304");
            assertThat(seats.path("price").decimalValue()).isEqualByComparingTo("150.00");
            assertThat(seats.path("billing_period").asText()).isEqualTo("Annual");
            assertThat(seats.path("billing_timing").asText()).isEqualTo("IN_ADVANCE");
            assertThat(seats.path("charged_through_date").asText()).isEqualTo("2026-06-15");
            assertThat(seats.path("mrr").decimalValue()).isEqualByComparingTo("12.50");
            assertThat(seats.path("tcv").decimalValue()).isEqualByComparingTo("150.00");
            assertThat(seats.path("segment").asInt()).isEqualTo(1);
            assertThat(seats.path("quantity").asInt()).isEqualTo(5);
            assertThat(s.path("latest_rate_plans")).hasSize(1);
        }

        @Test
        void show_the_seed_s_renewal_pricing_on_every_charge_the_booked_price_kept() {
            List<JsonNode> charges = new ArrayList<>();
            for (JsonNode p : acme.bearer(ann).get("/account/subscription").ok()) {
                collectCharges(p.path("rate_plans"), charges);
                collectCharges(p.path("subscription").path("rate_plans"), charges);
                collectCharges(p.path("subscription").path("latest_rate_plans"), charges);
            }
            for (JsonNode p : acme.bearer(ann).get("/account/rate-plan").ok()) {
                charges.addAll(list(p.path("rate_plan_charges")));
                collectCharges(p.path("subscription").path("rate_plans"), charges);
                collectCharges(p.path("subscription").path("latest_rate_plans"), charges);
            }

            // basic's 3 charges and premium's 4, each in six places: rate_plans, subscription.rate_plans and
            // subscription.latest_rate_plans of /account/subscription; rate_plan_charges and the same two of /account/rate-plan
            assertThat(charges).hasSize(7 * 6);
            assertThat(charges).allSatisfy(c -> {
                assertThat(c.path("price_change_option").asText()).isEqualTo("NoChange");
                assertThat(c.path("price_increase_percentage").isNumber()).isTrue();
                assertThat(c.path("price_increase_percentage").decimalValue()).isEqualByComparingTo("0");
            });
            assertThat(acme.bearer(bob).get("/account/rate-plan").ok()).isEmpty();
        }

        private static void collectCharges(JsonNode ratePlans, List<JsonNode> into) {
            for (JsonNode plan : ratePlans) {
                into.addAll(list(plan.path("rate_plan_charges")));
            }
        }

        private static List<JsonNode> list(JsonNode array) {
            List<JsonNode> all = new ArrayList<>();
            array.forEach(all::add);
            return all;
        }

        @Test
        void list_the_rate_plans_with_their_subscription() {
            JsonNode plans = acme.bearer(ann).get("/account/rate-plan").ok();

            assertThat(plans).extracting(p -> p.path("subscription").path("subscription_number").asText() + " "
                    + p.path("product_rate_plan_id").asText() + " " + p.path("rate_plan_name").asText())
                    .containsExactly("S00000001 201 Basic monthly acme", "S00000002 202 Premium annual acme");
        }
    }

    @Nested
    class The_invoices {
        @Test
        void are_listed_with_the_seed_s_amounts() {
            JsonNode invoice = acme.bearer(ann).get("/account/invoice").ok().get(0);

            assertThat(invoice.path("id").asText()).isEqualTo(checkout.path("invoice_id").asText());
            assertThat(invoice.path("invoice_number").asText()).isEqualTo("INV00000001");
            assertThat(invoice.path("invoice_date").asText()).isEqualTo("2025-06-15");
            assertThat(invoice.path("due_date").asText()).isEqualTo("2025-06-29");
            // 9.99 + 19.00 + 2 × 2.50 (basic) + 5 × 30.00 + 19 % (premium's seats for a year)
            assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("212.49");
            assertThat(invoice.path("tax_amount").decimalValue()).isEqualByComparingTo("30.90");
            assertThat(invoice.path("amount_without_tax").decimalValue()).isEqualByComparingTo("181.59");
            assertThat(invoice.path("payment_amount").decimalValue()).isEqualByComparingTo("0.00");
            assertThat(invoice.path("balance").decimalValue()).isEqualByComparingTo("212.49");
        }

        @Test
        void are_handed_out_as_a_base64_json_string_by_default() {
            String id = checkout.path("invoice_id").asText();

            for (Http caller : List.of(acme.bearer(ann), acme.bearer(ann).with("Accept", "application/json"),
                    acme.bearer(ann).with("Accept", "text/html, */*;q=0.8"))) {
                Reply reply = caller.get("/account/invoice/" + id);
                String text = new String(Base64.getDecoder().decode(reply.ok().asText()), StandardCharsets.UTF_8);
                assertThat(text).startsWith("Invoice INV00000001 of 2025-06-15").contains("Total EUR 212.49");
            }
        }

        @Test
        void answer_406_when_the_document_is_not_of_the_type_asked_for() {
            String id = checkout.path("invoice_id").asText();

            acme.bearer(ann).with("Accept", "application/pdf").get("/account/invoice/" + id)
                    .error(406, "not_acceptable");
            acme.bearer(ann).with("Accept", "image/png").get("/account/invoice/" + id).error(406, "not_acceptable");
            acme.bearer(ann).get("/account/invoice/INV00000001").error(404, "invoice_not_found");
        }
    }

    @Test
    void hands_out_a_pdf_as_it_is_when_asked_for_with_a_file_name() {
        Engine engine = TestServer.engine(TestServer.CLOCK, new RecordingMailer());
        ReadInvoices asPdf = new PdfInvoices(engine.readInvoices());
        Javalin app = new HttpApi(HttpApi.UseCases.from(engine).withReadInvoices(asPdf), HttpSettings.defaults())
                .start("127.0.0.1", 0);
        try {
            Http shop = new Http(URI.create("http://127.0.0.1:" + app.port()), List.of("X-Tenant", "acme"));
            String token = customer(shop, "ann@example.com");
            String id = shop.bearer(token).post("/subscription", subscribe(BERLIN, item(401, 1, 1))).ok()
                    .path("invoice_id").asText();

            Reply pdf = shop.bearer(token).with("Accept", "application/pdf").get("/account/invoice/" + id);
            Reply json = shop.bearer(token).get("/account/invoice/" + id);

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(pdf.header("Content-Disposition")).isEqualTo("attachment; filename=\"INV00000001.pdf\"");
            assertThat(pdf.body()).isEqualTo("%PDF-1.7 INV00000001");
            assertThat(Base64.getDecoder().decode(json.ok().asText()))
                    .isEqualTo("%PDF-1.7 INV00000001".getBytes(StandardCharsets.US_ASCII));
        } finally {
            app.stop();
        }
    }

    /** The ledger's documents as a stand-in PDF (the in-memory ledger renders text). */
    private record PdfInvoices(ReadInvoices ledger) implements ReadInvoices {
        @Override
        public Either<AccountFailure, List<Invoice>> invoices(long tenantId, long userId) {
            return ledger.invoices(tenantId, userId);
        }

        @Override
        public Either<AccountFailure, Document> document(long tenantId, long userId, String invoiceId) {
            return ledger.document(tenantId, userId, invoiceId).map(d -> new Document(d.invoiceNumber(),
                    "application/pdf", d.invoiceNumber() + ".pdf",
                    ("%PDF-1.7 " + d.invoiceNumber()).getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
