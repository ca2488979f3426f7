package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
import com.subscriptionsuite.application.fixtures.InMemoryAccountLinks;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.fixtures.InMemoryPaymentMethods;
import com.subscriptionsuite.application.fixtures.InMemoryVatChecks;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The payment-method operations over HTTP, each test on a server of its own (clock at
 * {@link TestServer#START}, 2025-06-15T10:00Z) whose billing and payment-method stores the test can
 * look into. acme and other offer 1 CreditCard everywhere (page card-acme / card-other), 2 SEPA in DE,
 * AT, FR, NL, 3 PayPal, 4 BankTransfer in DE and AT, 5 ACH in the US.
 */
class PaymentMethodIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String VISA = "4111 1111 1111 1111";

    private final InMemoryLedgerStore billing = new InMemoryLedgerStore();
    private final InMemoryAccountLinks links = new InMemoryAccountLinks(new InMemoryTransactions());
    private final InMemoryPaymentMethods methods = new InMemoryPaymentMethods();
    private MutableClock clock;
    private Engine engine;
    private Javalin app;
    private Http acme;

    @BeforeEach
    void startServer() {
        clock = new MutableClock(TestServer.START);
        engine = TestServer.engine(clock, new RecordingMailer(), new InMemoryVatChecks(), billing, methods, links);
        app = new HttpApi(HttpApi.UseCases.from(engine), HttpSettings.defaults()).start("127.0.0.1", 0);
        acme = new Http(URI.create("http://127.0.0.1:" + app.port()), List.of("X-Tenant", "acme"));
    }

    @AfterEach
    void stopServer() {
        app.stop();
    }

    private Http tenant(String key) {
        return new Http(URI.create("http://127.0.0.1:" + app.port()), List.of("X-Tenant", key));
    }

    private static String customer(Http http, String email) {
        return http.post("/register", """
                {"user": {"email": "%s", "password": "%s"}}""".formatted(email, PASSWORD)).ok().path("token").asText();
    }

    private String guest() {
        return acme.post("/login/guest").ok().path("token").asText();
    }

    private long userId(long tenantId, String token) {
        return engine.authenticate().authenticate(tenantId, token)
                .getOrElseThrow(f -> new AssertionError(f.message())).userId();
    }

    /** A billing account of the token's user in {@code country}, as a checkout would have left it. */
    private void accountIn(String token, String country) {
        long user = userId(1, token);
        AccountDetails details = new AccountDetails(false, null, "Ann", "Example", "Ring 1", "1010", "Wien", null,
                country, "ann@example.com", null, null, false, null, null, null, null, null, null, null, null, null,
                null, "EUR");
        billing.saveAccount(new BillingAccount("acc-" + user, 1, user, "A0000000" + user, CurrencyUnit.EUR, details,
                null, TestServer.START, TestServer.START));
        links.link(new AccountRef(1, user, "acc-" + user));
    }

    private JsonNode signature(String token, String optionId) {
        return acme.bearer(token).get("/payment-method/" + optionId + "/signature").ok();
    }

    private static String cardForm(JsonNode signed, String number) {
        return """
                {"token": "%s", "signature": "%s", "credit_card_number": "%s", "credit_card_holder_name": "Ann Example",
                 "credit_card_expiration_month": 12, "credit_card_expiration_year": 2030,
                 "credit_card_security_code": "123"}""".formatted(signed.path("token").asText(),
                signed.path("signature").asText(), number);
    }

    private Reply submit(JsonNode signed, String form) {
        return acme.post("/payment-page/" + signed.path("id").asText() + "/submit", form);
    }

    /** Signs the card page for the token's user and submits a Visa card: the new method's id. */
    private String card(String token) {
        JsonNode signed = signature(token, "1");
        return submit(signed, cardForm(signed, VISA)).ok().path("refId").asText();
    }

    /** Starts PayPal and approves it: the method's id. */
    private String payPal(String token) {
        JsonNode init = acme.bearer(token).get("/payment-method/3/paypal/init").ok();
        acme.get(init.path("approval_url").asText() + "&payer_email=ann%40paypal.example").ok();
        return init.path("payment_method_id").asText();
    }

    @Nested
    class Available {
        @Test
        void lists_the_methods_offered_in_a_country_to_a_guest() {
            JsonNode offered = acme.bearer(guest()).get("/payment-method/available?country=DE").ok();

            assertThat(offered.toString()).isEqualTo("[{\"id\":1,\"type\":\"CreditCard\"},{\"id\":2,\"type\":\"SEPA\"},"
                    + "{\"id\":3,\"type\":\"PayPal\"},{\"id\":4,\"type\":\"BankTransfer\"}]");
            assertThat(acme.bearer(guest()).get("/payment-method/available?country=us").ok())
                    .extracting(n -> n.path("type").asText()).containsExactly("CreditCard", "PayPal", "ACH");
        }

        @Test
        void lists_every_method_without_a_country() {
            assertThat(acme.bearer(guest()).get("/payment-method/available").ok()).hasSize(5);
        }

        @Test
        void refuses_a_country_that_is_no_iso_code_naming_the_parameter() {
            JsonNode error = acme.bearer(guest()).get("/payment-method/available?country=Germany")
                    .error(400, "country_invalid");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("country");
        }

        @Test
        void needs_a_token() {
            acme.get("/payment-method/available").error(401, "not_authenticated");
        }
    }

    @Nested
    class Hosted_page {
        @Test
        void signs_the_card_page_for_30_minutes_in_the_shops_language() {
            JsonNode signed = signature(guest(), "1");

            assertThat(signed.path("id").asText()).isEqualTo("card-acme");
            assertThat(signed.path("locale").asText()).isEqualTo("de");
            assertThat(signed.path("key").asText()).startsWith("hmac-sha256:");
            assertThat(signed.path("tenant_id").asText()).isEqualTo("1");
            assertThat(signed.path("expires_at").asText()).isEqualTo("2025-06-15T10:30:00Z");
            assertThat(signed.path("token").asText()).isNotBlank();
            assertThat(signed.path("signature").asText()).isNotBlank();
        }

        @Test
        void signs_in_the_locale_asked() {
            assertThat(acme.bearer(guest()).get("/payment-method/2/signature?locale=en_GB").ok().path("locale").asText())
                    .isEqualTo("en_GB");
        }

        @Test
        void refuses_a_paypal_method_and_an_unknown_one() {
            String guest = guest();

            acme.bearer(guest).get("/payment-method/3/signature").error(422, "payment_option_unsuitable");
            acme.bearer(guest).get("/payment-method/99/signature").error(404, "payment_option_not_found");
        }

        @Test
        void stores_an_active_card_with_only_its_mask_and_answers_like_zuoras_callback() {
            String ann = customer(acme, "ann@example.com");
            JsonNode signed = signature(ann, "1");

            JsonNode submitted = submit(signed, cardForm(signed, VISA)).ok();

            assertThat(submitted.path("success").asBoolean()).isTrue();
            String id = submitted.path("refId").asText();
            JsonNode shown = acme.bearer(ann).get("/payment-method/" + id).ok();
            assertThat(shown.path("type").asText()).isEqualTo("CreditCard");
            assertThat(shown.path("data").path("id").asText()).isEqualTo(id);
            assertThat(shown.path("data").path("status").asText()).isEqualTo("ACTIVE");
            assertThat(shown.path("data").path("credit_card_mask_number").asText()).isEqualTo("************1111");
            assertThat(shown.path("data").path("credit_card_type").asText()).isEqualTo("Visa");
            assertThat(shown.path("data").has("token")).isTrue();
            assertThat(shown.path("data").path("token").isNull()).isTrue();
            assertThat(methods.all()).hasSize(1).allSatisfy(m -> {
                assertThat(m.userId()).isEqualTo(userId(1, ann));
                assertThat(m.data().toString()).doesNotContain("4111111111111111").doesNotContain(VISA)
                        .doesNotContain("123");
            });
        }

        @Test
        void refuses_a_replayed_token() {
            JsonNode signed = signature(guest(), "1");
            submit(signed, cardForm(signed, VISA)).ok();

            submit(signed, cardForm(signed, VISA)).error(400, "payment_page_token_invalid");
            assertThat(methods.all()).hasSize(1);
        }

        @Test
        void refuses_a_token_after_30_minutes() {
            JsonNode signed = signature(guest(), "1");
            clock.advance(Duration.ofMinutes(30));

            submit(signed, cardForm(signed, VISA)).error(400, "payment_page_token_invalid");
        }

        @Test
        void refuses_a_forged_signature() {
            JsonNode signed = signature(guest(), "1");
            JsonNode other = signature(guest(), "1");
            String forged = cardForm(signed, VISA).replace(signed.path("signature").asText(),
                    other.path("signature").asText());

            submit(signed, forged).error(400, "payment_page_token_invalid");
            submit(signed, cardForm(signed, VISA)).ok();
        }

        @Test
        void names_every_bad_field_and_keeps_the_token_usable() {
            JsonNode signed = signature(guest(), "1");
            String bad = """
                    {"token": "%s", "signature": "%s", "credit_card_number": "4111 1111 1111 1112",
                     "credit_card_expiration_month": 5, "credit_card_expiration_year": 2025,
                     "credit_card_security_code": "123"}""".formatted(signed.path("token").asText(),
                    signed.path("signature").asText());

            JsonNode error = submit(signed, bad).error(400, "payment_data_invalid");

            assertThat(error.path("details")).extracting(d -> d.path("field").asText())
                    .containsExactly("credit_card_number", "credit_card_holder_name", "credit_card_expiration_month");
            assertThat(error.toString()).doesNotContain("4111");
            submit(signed, cardForm(signed, VISA)).ok();
        }

        @Test
        void takes_a_sepa_mandate_on_the_sepa_page_and_masks_the_iban() {
            String ann = customer(acme, "ann@example.com");
            JsonNode signed = signature(ann, "2");

            String id = submit(signed, """
                    {"token": "%s", "signature": "%s", "iban": "DE89 3704 0044 0532 0130 00",
                     "bank_transfer_account_name": "Ann Example"}""".formatted(signed.path("token").asText(),
                    signed.path("signature").asText())).ok().path("refId").asText();

            JsonNode data = acme.bearer(ann).get("/payment-method/" + id).ok().path("data");
            assertThat(data.path("bank_transfer_account_number_mask").asText()).isEqualTo("DE89**************3000");
            assertThat(methods.all().get(0).data().toString()).doesNotContain("370400440532013000");
        }

        @Test
        void refuses_a_form_without_its_credential_unknown_fields_and_numbers_for_strings() {
            JsonNode signed = signature(guest(), "1");

            acme.post("/payment-page/card-acme/submit", "{\"credit_card_number\": \"4111111111111111\"}")
                    .error(400, "field_required");
            acme.post("/payment-page/card-acme/submit", cardForm(signed, VISA).replace("{", "{\"cvv\": \"1\", "))
                    .error(400, "field_unknown");
            acme.post("/payment-page/card-acme/submit", cardForm(signed, VISA)
                    .replace("\"" + VISA + "\"", "4111111111111111")).error(400, "field_type");
        }

        @Test
        void knows_no_page_of_another_tenant() {
            JsonNode signed = signature(guest(), "1");

            acme.post("/payment-page/card-other/submit", cardForm(signed, VISA)).error(404, "payment_page_not_found");
            tenant("other").post("/payment-page/card-acme/submit", cardForm(signed, VISA))
                    .error(404, "payment_page_not_found");
        }
    }

    @Nested
    class Stored_methods {
        @Test
        void answers_another_users_method_and_an_unknown_one_with_404() {
            String ann = customer(acme, "ann@example.com");
            String bob = customer(acme, "bob@example.com");
            String id = card(ann);

            acme.bearer(bob).get("/payment-method/" + id).error(404, "payment_method_not_found");
            acme.bearer(ann).get("/payment-method/no-such-id").error(404, "payment_method_not_found");
        }

        @Test
        void does_not_take_a_token_to_another_tenant() {
            String ann = customer(acme, "ann@example.com");
            String id = card(ann);

            tenant("other").bearer(ann).get("/payment-method/" + id).error(401, "not_authenticated");
        }
    }

    @Nested
    class The_token {
        @Test
        void is_null_not_missing_for_methods_without_a_gateway_token_and_only_shown_to_their_owner() {
            String ann = customer(acme, "ann@example.com");
            String bob = customer(acme, "bob@example.com");
            accountIn(ann, "DE");
            String card = card(ann);
            String bankTransfer = acme.bearer(ann).put("/account/payment-method", "{\"type\": \"BankTransfer\"}").ok()
                    .path("payment_method").path("id").asText();
            String pending = acme.bearer(ann).get("/payment-method/3/paypal/init").ok().path("payment_method_id")
                    .asText();

            for (String id : List.of(card, bankTransfer, pending)) {
                JsonNode data = acme.bearer(ann).get("/payment-method/" + id).ok().path("data");
                assertThat(data.has("token")).as(id).isTrue();
                assertThat(data.path("token").isNull()).as(id).isTrue();
                acme.bearer(bob).get("/payment-method/" + id).error(404, "payment_method_not_found");
            }
            String approved = payPal(ann);
            assertThat(acme.bearer(ann).get("/payment-method/" + approved).ok().path("data").path("token").asText())
                    .startsWith("B-");
        }
    }

    @Nested
    class PayPal {
        @Test
        void starts_a_pending_method_that_the_approval_activates() {
            String ann = customer(acme, "ann@example.com");

            JsonNode init = acme.bearer(ann).get("/payment-method/3/paypal/init").ok();
            String id = init.path("payment_method_id").asText();
            assertThat(init.path("approval_url").asText())
                    .isEqualTo("/payment-provider/paypal/approve?token=" + init.path("token").asText());
            assertThat(acme.bearer(ann).get("/payment-method/" + id).ok().path("data").path("status").asText())
                    .isEqualTo("PENDING");

            JsonNode approved = acme.get(init.path("approval_url").asText() + "&payer_email="
                    + URLEncoder.encode("ann@paypal.example", StandardCharsets.UTF_8)).ok();

            assertThat(approved.path("success").asBoolean()).isTrue();
            assertThat(approved.path("payment_method_id").asText()).isEqualTo(id);
            assertThat(approved.path("status").asText()).isEqualTo("ACTIVE");
            JsonNode shown = acme.bearer(ann).get("/payment-method/" + id).ok();
            assertThat(shown.path("data").path("status").asText()).isEqualTo("ACTIVE");
            assertThat(shown.path("data").path("token").asText()).startsWith("B-")
                    .isEqualTo(shown.path("data").path("paypal_baid").asText());
            assertThat(shown.path("data").path("paypal_email").asText()).isEqualTo("ann@paypal.example");
        }

        @Test
        void refuses_a_replayed_approval_and_one_without_token() {
            JsonNode init = acme.bearer(guest()).get("/payment-method/3/paypal/init").ok();
            acme.get(init.path("approval_url").asText()).ok();

            acme.get(init.path("approval_url").asText()).error(400, "paypal_token_invalid");
            acme.get("/payment-provider/paypal/approve").error(400, "field_required");
        }

        @Test
        void starts_only_for_the_paypal_method() {
            acme.bearer(guest()).get("/payment-method/1/paypal/init").error(422, "payment_option_unsuitable");
        }
    }

    @Nested
    class Account_payment_method {
        @Test
        void has_none_before_an_account_exists_and_none_before_one_is_set() {
            String ann = customer(acme, "ann@example.com");

            acme.bearer(ann).get("/account/payment-method").error(404, "account_not_found");
            accountIn(ann, "DE");
            acme.bearer(ann).get("/account/payment-method").error(404, "payment_method_not_set");
        }

        @Test
        void makes_a_card_from_the_hosted_page_the_accounts_method() {
            String ann = customer(acme, "ann@example.com");
            accountIn(ann, "DE");
            String id = card(ann);

            JsonNode changed = acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "CreditCard", "data": {}}""".formatted(id)).ok();

            assertThat(changed.path("success").asBoolean()).isTrue();
            JsonNode shown = acme.bearer(ann).get("/account/payment-method").ok();
            assertThat(shown.path("id").asText()).isEqualTo(id);
            assertThat(shown.path("type").asText()).isEqualTo("CreditCard");
            assertThat(shown.path("data").path("credit_card_mask_number").asText()).isEqualTo("************1111");
            assertThat(shown.path("data").path("credit_card_holder_name").asText()).isEqualTo("Ann Example");
            assertThat(changed.path("payment_method")).isEqualTo(shown);
            assertThat(billing.accountOfUser(1, userId(1, ann)).get().paymentMethodId()).isEqualTo(id);
        }

        @Test
        void makes_an_approved_paypal_method_the_accounts_method_but_not_a_pending_one() {
            String ann = customer(acme, "ann@example.com");
            accountIn(ann, "AT");
            JsonNode pending = acme.bearer(ann).get("/payment-method/3/paypal/init").ok();

            acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "PayPal"}""".formatted(pending.path("payment_method_id").asText()))
                    .error(409, "payment_method_pending");

            String approved = payPal(ann);
            acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "PayPal", "data": {}}""".formatted(approved)).ok();
            assertThat(acme.bearer(ann).get("/account/payment-method").ok().path("data").path("paypal_email").asText())
                    .isEqualTo("ann@paypal.example");
        }

        @Test
        void creates_a_bank_transfer_from_the_body() {
            String ann = customer(acme, "ann@example.com");
            accountIn(ann, "DE");

            JsonNode changed = acme.bearer(ann).put("/account/payment-method", """
                    {"type": "BankTransfer", "data": {"bank_transfer_account_name": "Ann Example",
                     "bank_transfer_account_number_mask": "******************3000"}}""").ok();

            assertThat(changed.path("payment_method").path("type").asText()).isEqualTo("BankTransfer");
            assertThat(changed.path("payment_method").path("data").path("bank_transfer_account_number_mask").asText())
                    .isEqualTo("******************3000");
        }

        @Test
        void refuses_another_users_method_and_an_unknown_one_with_404() {
            String ann = customer(acme, "ann@example.com");
            String bob = customer(acme, "bob@example.com");
            accountIn(ann, "DE");
            String bobs = card(bob);

            acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "CreditCard", "data": {}}""".formatted(bobs))
                    .error(404, "payment_method_not_found");
            acme.bearer(ann).put("/account/payment-method", """
                    {"id": "nope", "type": "CreditCard", "data": {}}""").error(404, "payment_method_not_found");
            acme.bearer(ann).get("/account/payment-method").error(404, "payment_method_not_set");
        }

        @Test
        void refuses_a_method_the_shop_does_not_offer_in_the_accounts_country() {
            String ann = customer(acme, "ann@example.com");
            accountIn(ann, "US");
            JsonNode signed = signature(ann, "2");
            String sepa = submit(signed, """
                    {"token": "%s", "signature": "%s", "iban": "DE89370400440532013000",
                     "bank_transfer_account_name": "Ann"}""".formatted(signed.path("token").asText(),
                    signed.path("signature").asText())).ok().path("refId").asText();

            JsonNode error = acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "SEPA", "data": {}}""".formatted(sepa)).error(422, "payment_method_not_offered");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("type");
        }

        @Test
        void refuses_a_mismatched_type_an_unknown_type_a_card_without_id_and_a_missing_type() {
            String ann = customer(acme, "ann@example.com");
            accountIn(ann, "DE");
            String id = card(ann);

            acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "SEPA"}""".formatted(id)).error(422, "payment_method_type_mismatch");
            acme.bearer(ann).put("/account/payment-method", """
                    {"id": "%s", "type": "Cash"}""".formatted(id)).error(400, "payment_type_unknown");
            acme.bearer(ann).put("/account/payment-method", "{\"type\": \"CreditCard\"}")
                    .error(400, "payment_method_id_required");
            acme.bearer(ann).put("/account/payment-method", "{\"id\": \"x\"}").error(400, "field_required");
            acme.bearer(ann).put("/account/payment-method", "{\"type\": \"BankTransfer\", \"colour\": \"red\"}")
                    .error(400, "field_unknown");
        }

        @Test
        void is_for_customers_only() {
            String guest = guest();

            acme.bearer(guest).get("/account/payment-method").error(403, "customer_required");
            acme.bearer(guest).put("/account/payment-method", "{\"type\": \"BankTransfer\"}")
                    .error(403, "customer_required");
            acme.put("/account/payment-method", "{\"type\": \"BankTransfer\"}").error(401, "not_authenticated");
        }
    }
}
