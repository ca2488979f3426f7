package com.subscriptionsuite.zuora.simulator;

import static com.subscriptionsuite.zuora.simulator.Fixtures.firstCharge;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderFlowIT {
    ZuoraSimulator sim;
    Client client;
    Catalog.Product product;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(0);
        product = Fixtures.seed(sim);
        client = new Client(sim).login();
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    private String seats() {
        return product.ratePlan("Monthly").charge("Seats").id();
    }

    private String monthly() {
        return product.ratePlan("Monthly").id();
    }

    @Test
    void creates_an_account_and_reads_it_back_by_number_and_by_id() {
        JsonNode created = client.ok("/v1/accounts", Fixtures.account("Acme"));
        String number = created.get("accountNumber").asText();
        String id = created.get("accountId").asText();
        assertThat(id).hasSize(32);

        JsonNode byNumber = client.okGet("/v1/accounts/" + number);
        JsonNode byId = client.okGet("/v1/accounts/" + id);
        assertThat(byNumber.path("basicInfo").path("id").asText()).isEqualTo(id);
        assertThat(byId.path("basicInfo").path("accountNumber").asText()).isEqualTo(number);
        assertThat(byId.path("basicInfo").path("Segment__c").asText()).isEqualTo("SMB");
        assertThat(byId.path("billingAndPayment").path("currency").asText()).isEqualTo("USD");
        assertThat(byId.path("billToContact").path("lastName").asText()).isEqualTo("Lovelace");
        assertThat(byId.path("soldToContact").path("asSoldTo").asBoolean()).isTrue();
        assertThat(sim.state().accountCount()).isEqualTo(1);
    }

    @Test
    void an_unknown_account_answers_404_with_zuoras_error_shape() {
        Client.Reply r = client.get("/v1/accounts/A-NOPE");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("success").asBoolean(true)).isFalse();
        assertThat(r.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(40);
    }

    @Test
    void updates_an_account_contacts_and_default_payment_method() {
        String number = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        String pm = client.ok("/v1/payment-methods", Map.of("type", "CreditCard", "accountKey", number,
                "cardNumber", "4111111111111111", "cardType", "Visa", "expirationMonth", 12, "expirationYear", 2030,
                "cardHolderInfo", Map.of("cardHolderName", "Ada Lovelace"))).get("id").asText();
        Client.Reply put = client.put("/v1/accounts/" + number, Map.of("defaultPaymentMethodId", pm, "autoPay", true,
                "billToContact", Map.of("city", "Berkeley"), "Segment__c", "Enterprise"));
        assertThat(put.status()).isEqualTo(200);

        JsonNode a = client.okGet("/v1/accounts/" + number);
        assertThat(a.path("billingAndPayment").path("defaultPaymentMethodId").asText()).isEqualTo(pm);
        assertThat(a.path("billingAndPayment").path("autoPay").asBoolean()).isTrue();
        assertThat(a.path("billToContact").path("city").asText()).isEqualTo("Berkeley");
        assertThat(a.path("billToContact").path("firstName").asText()).isEqualTo("Ada");
        assertThat(a.path("basicInfo").path("Segment__c").asText()).isEqualTo("Enterprise");

        JsonNode method = client.okGet("/v1/payment-methods/" + pm);
        assertThat(method.path("creditCardMaskNumber").asText()).isEqualTo("************1111");
        assertThat(method.path("isDefault").asBoolean()).isTrue();
        JsonNode list = client.okGet("/v1/accounts/" + number + "/payment-methods");
        assertThat(list.path("defaultPaymentMethodId").asText()).isEqualTo(pm);
        assertThat(list.path("creditcard").path(0).path("id").asText()).isEqualTo(pm);
    }

    @Test
    void an_order_creates_a_subscription_and_an_invoice_with_a_pdf() {
        String account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        JsonNode order = client.ok("/v1/orders", Fixtures.createSubscriptionOrder(account, monthly(), seats(), 3, "2026-01-01", true)
                , "Zuora-Version", "2025-08-12");
        assertThat(order.path("orderNumber").asText()).startsWith("O-");
        assertThat(order.path("status").asText()).isEqualTo("Completed");
        String subNumber = order.path("subscriptions").path(0).path("subscriptionNumber").asText();
        assertThat(subNumber).isNotBlank();
        String invoiceNumber = order.path("invoiceNumbers").path(0).asText();
        assertThat(invoiceNumber).startsWith("INV");

        JsonNode subs = client.okGet("/v1/subscriptions/accounts/" + account);
        assertThat(subs.path("subscriptions")).hasSize(1);
        JsonNode sub = client.okGet("/v1/subscriptions/" + subNumber);
        assertThat(sub.path("status").asText()).isEqualTo("Active");
        assertThat(sub.path("version").asInt()).isEqualTo(1);
        assertThat(sub.path("EngineId__c").asText()).isEqualTo("sub-1");
        assertThat(sub.path("termType").asText()).isEqualTo("TERMED");
        assertThat(sub.path("termEndDate").asText()).isEqualTo("2027-01-01");
        JsonNode seatsCharge = firstCharge(sub, "Seats");
        assertThat(seatsCharge.path("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(seatsCharge.path("price").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(seatsCharge.path("productRatePlanChargeId").asText()).isEqualTo(seats());
        assertThat(seatsCharge.path("chargedThroughDate").asText()).isEqualTo("2026-02-01");
        assertThat(seatsCharge.path("segment").asInt()).isEqualTo(1);

        JsonNode invoice = client.okGet("/v1/invoices/" + invoiceNumber);
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("80.00"); // 3 x 10 + 50 setup
        assertThat(invoice.path("status").asText()).isEqualTo("Posted");
        JsonNode docs = client.okGet("/v1/billing-documents?accountNumber=" + account);
        assertThat(docs.path("documents").path(0).path("documentNumber").asText()).isEqualTo(invoiceNumber);

        JsonNode files = client.okGet("/v1/invoices/" + invoice.path("id").asText() + "/files");
        String url = files.path("invoiceFiles").path(0).path("pdfFileUrl").asText();
        Client.Reply pdf = client.get(url);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(sim.state().invoiceCount()).isEqualTo(1);
        assertThat(sim.state().orderCount()).isEqualTo(1);
    }

    @Test
    void honours_the_callers_order_number_and_refuses_it_twice() {
        String account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.createSubscriptionOrder(account, monthly(), seats(), 1, "2026-01-01", false));
        body.put("orderNumber", "ENGINE-42");
        assertThat(client.ok("/v1/orders", body).path("orderNumber").asText()).isEqualTo("ENGINE-42");
        Client.Reply again = client.post("/v1/orders", body);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("success").asBoolean(true)).isFalse();
        assertThat(sim.state().subscriptionCount()).isEqualTo(1);
    }

    @Test
    void update_remove_add_and_cancel_each_make_a_new_subscription_version() {
        String account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        String subNumber = client.ok("/v1/orders", Fixtures.createSubscriptionOrder(account, monthly(), seats(), 3, "2026-01-01", true))
                .path("subscriptions").path(0).path("subscriptionNumber").asText();
        JsonNode v1 = client.okGet("/v1/subscriptions/" + subNumber);
        JsonNode seatsV1 = firstCharge(v1, "Seats");

        // UpdateProduct: quantity 3 -> 5
        client.ok("/v1/orders", Fixtures.amendOrder(account, subNumber, "2026-02-01", Map.of(
                "type", "UpdateProduct", "triggerDates", List.of(Fixtures.trigger("2026-02-01")),
                "updateProduct", Map.of("ratePlanId", v1.path("ratePlans").path(0).path("id").asText(),
                        "chargeUpdates", List.of(Map.of("chargeNumber", seatsV1.path("number").asText(),
                                "pricing", Map.of("recurringPerUnit", Map.of("quantity", 5))))))));
        JsonNode v2 = client.okGet("/v1/subscriptions/" + subNumber);
        JsonNode seatsV2 = firstCharge(v2, "Seats");
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("id").asText()).isNotEqualTo(v1.path("id").asText());
        assertThat(seatsV2.path("quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(seatsV2.path("segment").asInt()).isEqualTo(2);
        assertThat(seatsV2.path("originalChargeId").asText()).isEqualTo(seatsV1.path("originalChargeId").asText());
        assertThat(seatsV2.path("effectiveStartDate").asText()).isEqualTo("2026-02-01");
        JsonNode oldVersion = client.okGet("/v1/subscriptions/" + v1.path("id").asText());
        assertThat(oldVersion.path("isLatestVersion").asBoolean()).isFalse();

        // RemoveProduct + AddProduct in one order: one new version
        String support = product.ratePlan("Support").id();
        client.ok("/v1/orders", Fixtures.amendOrder(account, subNumber, "2026-03-01",
                Map.of("type", "RemoveProduct", "triggerDates", List.of(Fixtures.trigger("2026-03-01")),
                        "removeProduct", Map.of("ratePlanId", v2.path("ratePlans").path(0).path("id").asText())),
                Map.of("type", "AddProduct", "triggerDates", List.of(Fixtures.trigger("2026-03-01")),
                        "addProduct", Map.of("productRatePlanId", support))));
        JsonNode v3 = client.okGet("/v1/subscriptions/" + subNumber);
        assertThat(v3.path("version").asInt()).isEqualTo(3);
        assertThat(v3.path("ratePlans")).hasSize(2);
        assertThat(v3.path("ratePlans").path(0).path("lastChangeType").asText()).isEqualTo("Remove");
        assertThat(v3.path("ratePlans").path(1).path("productRatePlanId").asText()).isEqualTo(support);

        // CancelSubscription at a specific date
        client.ok("/v1/orders", Fixtures.amendOrder(account, subNumber, "2026-04-01", Map.of(
                "type", "CancelSubscription", "triggerDates", List.of(Fixtures.trigger("2026-04-01")),
                "cancelSubscription", Map.of("cancellationPolicy", "SpecificDate", "cancellationEffectiveDate", "2026-04-15"))));
        JsonNode v4 = client.okGet("/v1/subscriptions/" + subNumber);
        assertThat(v4.path("version").asInt()).isEqualTo(4);
        assertThat(v4.path("status").asText()).isEqualTo("Cancelled");
        assertThat(v4.path("subscriptionEndDate").asText()).isEqualTo("2026-04-15");
        assertThat(sim.state().versionsOf(subNumber)).extracting(SimulatorState.SubscriptionVersion::version)
                .containsExactly(1, 2, 3, 4);
        assertThat(sim.state().subscriptionCount()).isEqualTo(1);
    }
}
