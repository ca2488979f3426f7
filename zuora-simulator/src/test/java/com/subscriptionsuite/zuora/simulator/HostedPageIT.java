package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hosted payment page 2.0 submissions (POST /apps/PublicHostedPageLite.do) and orphan payment methods. */
class HostedPageIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private ZuoraSimulator sim;
    private Client client;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(ZuoraSimulator.options().port(0).clock(clock).hostedPage("my-sepa", "SEPA"));
        client = new Client(sim).login();
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    static Client.Reply submitForm(Client client, Map<String, String> fields) {
        return client.send(CustomerJourneyBillingIT.page(client.sim)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(CustomerJourneyBillingIT.form(fields))));
    }

    private static Client.Reply submitJson(Client client, Map<String, String> fields) {
        return client.send(CustomerJourneyBillingIT.page(client.sim).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Client.write(fields))));
    }

    private Map<String, String> signed(String pageId) {
        JsonNode s = client.ok("/v1/rsa-signatures", Map.of("uri", "https://apisandbox.zuora.com/apps/PublicHostedPageLite.do",
                "method", "POST", "pageId", pageId));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", pageId);
        f.put("tenantId", s.path("tenantId").asText());
        f.put("token", s.path("token").asText());
        f.put("signature", s.path("signature").asText());
        return f;
    }

    private Map<String, String> card(String pageId) {
        Map<String, String> f = signed(pageId);
        f.put("field_creditCardNumber", "5555555555554444");
        f.put("field_creditCardHolderName", "Ann Example");
        f.put("field_creditCardExpirationMonth", "03");
        f.put("field_creditCardExpirationYear", "2029");
        f.put("field_cardSecurityCode", "123");
        return f;
    }

    @Test
    void a_card_page_makes_a_masked_method_without_an_account_that_an_account_then_takes() {
        JsonNode ok = submitForm(client, card("demo-card")).json();
        assertThat(ok.path("success").asText()).isEqualTo("true");
        String id = ok.path("refId").asText();
        JsonNode pm = client.okGet("/v1/payment-methods/" + id);
        assertThat(pm.path("type").asText()).isEqualTo("CreditCard");
        assertThat(pm.path("cardNumber").asText()).isEqualTo("************4444");
        assertThat(pm.path("creditCardType").asText()).isEqualTo("MasterCard");
        assertThat(pm.path("expirationMonth").asInt()).isEqualTo(3);
        assertThat(pm.has("accountKey")).isFalse();
        assertThat(pm.toString()).doesNotContain("5555555555554444").doesNotContain("\"123\"");
        JsonNode account = client.ok("/v1/accounts", Map.of("name", "Ann", "currency", "EUR", "billCycleDay", 1,
                "billToContact", Map.of("firstName", "Ann", "lastName", "Example", "country", "DE"),
                "hpmCreditCardPaymentMethodId", id));
        assertThat(account.path("paymentMethodId").asText()).isEqualTo(id);
        JsonNode attached = client.okGet("/v1/payment-methods/" + id);
        assertThat(attached.path("accountKey").asText()).isEqualTo(account.path("accountId").asText());
        assertThat(attached.path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void a_sepa_page_takes_an_iban_as_json() {
        Map<String, String> f = signed("my-sepa");
        f.put("field_IBAN", "DE89 3704 0044 0532 0130 00");
        f.put("field_bankAccountName", "Ann Example");
        JsonNode ok = submitJson(client, f).json();
        assertThat(ok.path("success").asText()).as(ok.toString()).isEqualTo("true");
        JsonNode pm = client.okGet("/v1/payment-methods/" + ok.path("refId").asText());
        assertThat(pm.path("type").asText()).isEqualTo("SEPA");
        assertThat(pm.path("IBAN").asText()).endsWith("3000").doesNotContain("0532");
        assertThat(pm.path("mandateInfo").path("mandateStatus").asText()).isEqualTo("Active");
    }

    @Test
    void a_token_is_used_once_and_lasts_thirty_minutes() {
        Map<String, String> f = card("demo-card");
        assertThat(submitForm(client, f).json().path("success").asText()).isEqualTo("true");
        JsonNode again = submitForm(client, f).json();
        assertThat(again.path("success").asText()).isEqualTo("false");
        assertThat(again.path("errorCode").asText()).isEqualTo("Invalid_Security");
        Map<String, String> late = card("demo-card");
        clock.advance(Duration.ofMinutes(31));
        assertThat(submitForm(client, late).json().path("errorCode").asText()).isEqualTo("Invalid_Security");
        assertThat(sim.state().paymentMethodCount()).isEqualTo(1);
    }

    @Test
    void a_forged_signature_another_page_s_token_or_an_unknown_page_are_refused() {
        Map<String, String> forged = card("demo-card");
        forged.put("signature", java.util.Base64.getEncoder().encodeToString(new byte[128]));
        assertThat(submitForm(client, forged).json().path("errorCode").asText()).isEqualTo("Invalid_Security");
        Map<String, String> other = card("demo-card");
        other.put("id", "my-sepa");
        assertThat(submitForm(client, other).json().path("errorCode").asText()).isEqualTo("Invalid_Security");
        Map<String, String> unknown = card("nobody-s-page");
        JsonNode r = submitForm(client, unknown).json();
        assertThat(r.path("errorCode").asText()).isEqualTo("Invalid_Security");
        assertThat(r.path("errorMessage").asText()).contains("nobody-s-page");
        Map<String, String> none = new LinkedHashMap<>(card("demo-card"));
        none.remove("signature");
        assertThat(submitForm(client, none).json().path("errorCode").asText()).isEqualTo("Invalid_Security");
        assertThat(sim.state().paymentMethodCount()).isZero();
    }

    @Test
    void invalid_fields_are_named_and_the_token_stays_usable() {
        Map<String, String> f = card("demo-card");
        f.put("field_creditCardNumber", "4111111111111112");
        f.put("field_creditCardExpirationYear", "2025");
        f.remove("field_creditCardHolderName");
        JsonNode r = submitForm(client, f).json();
        assertThat(r.path("success").asText()).isEqualTo("false");
        assertThat(r.path("errorCode").asText()).isEqualTo("HostedPageFieldValidationError");
        assertThat(r.path("errorField_creditCardNumber").asText()).isEqualTo("InvalidFormat");
        assertThat(r.path("errorField_creditCardHolderName").asText()).isEqualTo("NullValue");
        assertThat(r.path("errorField_creditCardExpirationYear").asText()).isEqualTo("InvalidValue");
        f.put("field_creditCardNumber", "4111111111111111");
        f.put("field_creditCardExpirationYear", "2030");
        f.put("field_creditCardHolderName", "Ann Example");
        assertThat(submitForm(client, f).json().path("success").asText()).isEqualTo("true");
        Map<String, String> sepa = signed("my-sepa");
        sepa.put("field_IBAN", "DE89370400440532013001");
        JsonNode bad = submitForm(client, sepa).json();
        assertThat(bad.path("errorField_IBAN").asText()).isEqualTo("InvalidFormat");
        assertThat(bad.path("errorField_bankAccountName").asText()).isEqualTo("NullValue");
    }

    @Test
    void paypal_methods_are_made_with_or_without_an_account() {
        JsonNode orphan = client.ok("/v1/payment-methods", Map.of("type", "PayPalNativeEC", "BAID", "B-5YD84564LT2287516",
                "email", "ann@example.com"));
        JsonNode pm = client.okGet("/v1/payment-methods/" + orphan.path("id").asText());
        assertThat(pm.path("type").asText()).isEqualTo("PayPalNativeEC");
        assertThat(pm.path("BAID").asText()).isEqualTo("B-5YD84564LT2287516");
        assertThat(pm.has("accountKey")).isFalse();
        String account = client.ok("/v1/accounts", Map.of("name", "Ann", "currency", "EUR", "billCycleDay", 1,
                "billToContact", Map.of("firstName", "Ann", "lastName", "Example"))).path("accountId").asText();
        JsonNode ec = client.ok("/v1/payment-methods", Map.of("type", "PayPalEC", "BAID", "B-1234", "email", "ann@example.com",
                "accountKey", account, "makeDefault", true));
        JsonNode attached = client.okGet("/v1/payment-methods/" + ec.path("id").asText());
        assertThat(attached.path("accountKey").asText()).isEqualTo(account);
        assertThat(attached.path("isDefault").asBoolean()).isTrue();
        assertThat(client.okGet("/v1/accounts/" + account + "/payment-methods").path("paypalec")).hasSize(1);
    }

    @Test
    void pages_are_configured_over_http_too() {
        Client.Reply added = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/__simulator/hosted-pages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pageId\": \"shop-card\", \"type\": \"CreditCard\"}")));
        assertThat(added.status()).isEqualTo(204);
        Client.Reply bad = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/__simulator/hosted-pages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pageId\": \"x\", \"type\": \"Bitcoin\"}")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(sim.hostedPages()).containsEntry("shop-card", "CreditCard").containsEntry("demo-sepa", "SEPA")
                .doesNotContainKey("x");
        assertThat(submitForm(client, card("shop-card")).json().path("success").asText()).isEqualTo("true");
    }
}
