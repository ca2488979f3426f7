package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogAndPaymentsIT {
    ZuoraSimulator sim;
    Client client;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(0);
        client = new Client(sim).login();
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    @Test
    void pages_the_catalog_with_a_next_page_url_and_lists_rate_plans_with_prices_per_currency() {
        for (int i = 0; i < 3; i++) {
            Fixtures.seed(sim);
        }
        JsonNode first = client.okGet("/v1/catalog/products?page=1&pageSize=2");
        assertThat(first.path("products")).hasSize(2);
        String next = first.path("nextPage").asText();
        assertThat(next).startsWith(sim.baseUrl()).contains("page=2");
        JsonNode second = client.okGet(next.substring(sim.baseUrl().length()));
        assertThat(second.path("products")).hasSize(1);
        assertThat(second.has("nextPage")).isFalse();

        Catalog.Product p = sim.catalog().products().get(0);
        JsonNode plans = client.okGet("/v1/products/" + p.id() + "/product-rate-plans");
        JsonNode monthly = plans.path("productRatePlans").path(0);
        assertThat(monthly.path("name").asText()).isEqualTo("Monthly");
        JsonNode seats = monthly.path("productRatePlanCharges").path(0);
        assertThat(seats.path("model").asText()).isEqualTo("PerUnit");
        assertThat(seats.path("pricing")).extracting(n -> n.path("currency").asText()).containsExactly("EUR", "USD");
        JsonNode tiered = plans.path("productRatePlans").path(3).path("productRatePlanCharges").path(0);
        assertThat(tiered.path("pricing").path(0).path("tiers")).hasSize(2);
        assertThat(client.okGet("/v1/catalog/products/" + p.id()).path("name").asText()).isEqualTo("Suite");
    }

    @Test
    void a_page_size_over_40_is_refused_as_zuora_does() {
        assertThat(client.get("/v1/catalog/products?pageSize=41").status()).isEqualTo(400);
        assertThat(sim.state().invalidRequests()).hasSize(1);
        sim.state().invalidRequests.clear();
    }

    @Test
    void creates_payment_methods_of_the_types_the_document_allows() {
        String account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        String sepa = client.ok("/v1/payment-methods", Map.of("type", "SEPA", "accountKey", account, "makeDefault", true,
                "IBAN", "DE89370400440532013000", "accountHolderInfo", Map.of("accountHolderName", "Acme GmbH"))).get("id").asText();
        String paypal = client.ok("/v1/payment-methods", Map.of("type", "PayPalNativeEC", "accountKey", account,
                "BAID", "B-123", "email", "pay@example.com")).get("id").asText();
        String ach = client.ok("/v1/payment-methods", Map.of("type", "ACH", "accountKey", account, "bankABACode", "011000015",
                "bankAccountName", "Acme", "bankAccountNumber", "123456789", "bankAccountType", "Checking", "bankName", "Bank")).get("id").asText();

        JsonNode s = client.okGet("/v1/payment-methods/" + sepa);
        assertThat(s.path("type").asText()).isEqualTo("SEPA");
        assertThat(s.path("IBAN").asText()).endsWith("3000").startsWith("*");
        assertThat(s.path("isDefault").asBoolean()).isTrue();
        assertThat(s.path("mandateInfo").path("mandateId").asText()).isNotBlank();
        assertThat(client.okGet("/v1/payment-methods/" + paypal).path("BAID").asText()).isEqualTo("B-123");
        assertThat(client.okGet("/v1/payment-methods/" + ach).path("bankAccountNumber").asText()).isEqualTo("*****6789");

        JsonNode list = client.okGet("/v1/accounts/" + account + "/payment-methods");
        assertThat(list.path("defaultPaymentMethodId").asText()).isEqualTo(sepa);
        assertThat(list.path("sepa")).hasSize(1);
        assertThat(list.path("paypalnativeec")).hasSize(1);
        assertThat(list.path("ach")).hasSize(1);
        assertThat(sim.state().paymentMethodCount()).isEqualTo(3);
    }

    @Test
    void an_account_can_take_a_hosted_page_payment_method_made_before_it() {
        JsonNode sig = client.ok("/v1/rsa-signatures", Map.of("uri", "https://apisandbox.zuora.com/apps/PublicHostedPageLite.do",
                "method", "POST", "pageId", "page-1"));
        assertThat(sig.path("token").asText()).hasSize(32);
        assertThat(sig.path("signature").asText()).isNotBlank();
        assertThat(sig.path("key").asText()).isNotBlank();
        assertThat(sig.path("tenantId").asText()).isNotBlank();

        String pm = client.ok("/v1/payment-methods", Map.of("type", "CreditCard", "cardNumber", "5555555555554444",
                "cardType", "MasterCard", "expirationMonth", 1, "expirationYear", 2031,
                "cardHolderInfo", Map.of("cardHolderName", "Ada"))).get("id").asText();
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.account("Acme"));
        body.put("hpmCreditCardPaymentMethodId", pm);
        body.put("autoPay", true);
        JsonNode created = client.ok("/v1/accounts", body);
        assertThat(created.path("paymentMethodId").asText()).isEqualTo(pm);
        assertThat(client.okGet("/v1/accounts/" + created.path("accountNumber").asText())
                .path("billingAndPayment").path("defaultPaymentMethodId").asText()).isEqualTo(pm);
    }

    @Test
    void autopay_without_a_payment_method_is_a_business_rule_error() {
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.account("Acme"));
        body.put("autoPay", true);
        Client.Reply r = client.post("/v1/accounts", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(30);
    }

    @Test
    void the_account_summary_lists_subscriptions_and_invoices() {
        Catalog.Product p = Fixtures.seed(sim);
        String account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        client.ok("/v1/orders", Fixtures.createSubscriptionOrder(account, p.ratePlan("Monthly").id(),
                p.ratePlan("Monthly").charge("Seats").id(), 2, "2026-01-01", true));
        JsonNode summary = client.okGet("/v1/accounts/" + account + "/summary");
        assertThat(summary.path("subscriptions")).hasSize(1);
        assertThat(summary.path("invoices")).hasSize(1);
        assertThat(summary.path("basicInfo").path("balance").asText()).isEqualTo("70.00");
        assertThat(client.okGet("/v1/accounts/" + account).path("metrics").path("contractedMrr").asText()).isEqualTo("20.00");
    }

    @Test
    void a_discount_plan_reduces_the_invoice() {
        Catalog.Product p = Fixtures.seed(sim);
        String account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        Map<String, Object> order = Map.of("orderDate", "2026-01-01", "existingAccountNumber", account,
                "processingOptions", Map.of("runBilling", true),
                "subscriptions", List.of(Map.of("orderActions", List.of(Map.of("type", "CreateSubscription",
                        "createSubscription", Map.of("terms", Map.of("initialTerm", Map.of("termType", "EVERGREEN")),
                                "subscribeToRatePlans", List.of(Map.of("productRatePlanId", p.ratePlan("Support").id()),
                                        Map.of("productRatePlanId", p.ratePlan("Discount 10%").id()))))))));
        String invoice = client.ok("/v1/orders", order).path("invoiceNumbers").path(0).asText();
        assertThat(client.okGet("/v1/invoices/" + invoice).path("amount").decimalValue()).isEqualByComparingTo("18.00");
    }
}
