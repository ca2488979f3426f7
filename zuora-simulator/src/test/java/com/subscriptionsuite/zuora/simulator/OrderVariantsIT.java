package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order variants: a new account inside the order, ids on request, old answer shapes, cancellation policies, billing an added plan. */
class OrderVariantsIT {
    ZuoraSimulator sim;
    Client client;
    Catalog.Product product;
    String account;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(0);
        product = Fixtures.seed(sim);
        client = new Client(sim).login();
        account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    private Map<String, Object> create(String accountNumber, int quantity, boolean runBilling) {
        return Fixtures.createSubscriptionOrder(accountNumber, product.ratePlan("Monthly").id(),
                product.ratePlan("Monthly").charge("Seats").id(), quantity, "2026-01-01", runBilling);
    }

    private String subscriptionOf(JsonNode order) {
        return order.path("subscriptions").path(0).path("subscriptionNumber").asText();
    }

    @Test
    void an_order_can_create_the_account_with_its_custom_fields() {
        Map<String, Object> body = new HashMap<>(create("unused", 1, false));
        body.remove("existingAccountNumber");
        body.put("newAccount", Map.of("name", "NewCo", "currency", "EUR", "billCycleDay", 1,
                "billToContact", Map.of("firstName", "Grace", "lastName", "Hopper"),
                "customFields", Map.of("EngineAccount__c", "acc-7")));
        JsonNode order = client.ok("/v1/orders", body);
        String number = order.path("accountNumber").asText();
        JsonNode a = client.okGet("/v1/accounts/" + number);
        assertThat(a.path("basicInfo").path("EngineAccount__c").asText()).isEqualTo("acc-7");
        assertThat(a.path("billingAndPayment").path("currency").asText()).isEqualTo("EUR");
        JsonNode seats = Fixtures.firstCharge(client.okGet("/v1/subscriptions/" + subscriptionOf(order)), "Seats");
        assertThat(seats.path("price").decimalValue()).isEqualByComparingTo("9.00");
    }

    @Test
    void return_ids_adds_the_ids_and_old_versions_get_subscription_numbers() {
        JsonNode withIds = client.ok("/v1/orders?returnIds=true", create(account, 1, true));
        assertThat(withIds.path("orderId").asText()).hasSize(32);
        assertThat(withIds.path("subscriptionIds").path(0).asText()).hasSize(32);
        assertThat(withIds.path("subscriptions").path(0).path("subscriptionId").asText())
                .isEqualTo(withIds.path("subscriptionIds").path(0).asText());
        assertThat(withIds.path("invoiceIds")).hasSize(1);

        JsonNode old = client.ok("/v1/orders", create(account, 1, false), "Zuora-Version", "211.0");
        assertThat(old.path("subscriptionNumbers")).hasSize(1);
        assertThat(old.has("subscriptions")).isFalse();
    }

    @Test
    void cancel_at_the_end_of_the_term_or_of_the_last_invoiced_period() {
        String termed = subscriptionOf(client.ok("/v1/orders", create(account, 1, true)));
        client.ok("/v1/orders", Fixtures.amendOrder(account, termed, "2026-01-10", Map.of("type", "CancelSubscription",
                "triggerDates", List.of(Fixtures.trigger("2026-01-10")),
                "cancelSubscription", Map.of("cancellationPolicy", "EndOfCurrentTerm"))));
        assertThat(client.okGet("/v1/subscriptions/" + termed).path("subscriptionEndDate").asText()).isEqualTo("2027-01-01");

        String other = subscriptionOf(client.ok("/v1/orders", create(account, 1, true)));
        client.ok("/v1/orders", Fixtures.amendOrder(account, other, "2026-01-10", Map.of("type", "CancelSubscription",
                "triggerDates", List.of(Fixtures.trigger("2026-01-10")),
                "cancelSubscription", Map.of("cancellationPolicy", "EndOfLastInvoicePeriod"))));
        JsonNode cancelled = client.okGet("/v1/subscriptions/" + other);
        assertThat(cancelled.path("status").asText()).isEqualTo("Cancelled");
        assertThat(cancelled.path("subscriptionEndDate").asText()).isEqualTo("2026-02-01");
    }

    @Test
    void cancelling_twice_or_at_a_date_before_the_contract_is_refused_and_leaves_no_version() {
        String sub = subscriptionOf(client.ok("/v1/orders", create(account, 1, false)));
        Client.Reply early = client.post("/v1/orders", Fixtures.amendOrder(account, sub, "2026-01-10", Map.of(
                "type", "CancelSubscription", "triggerDates", List.of(Fixtures.trigger("2026-01-10")),
                "cancelSubscription", Map.of("cancellationPolicy", "SpecificDate", "cancellationEffectiveDate", "2025-12-01"))));
        assertThat(early.status()).isEqualTo(400);
        assertThat(sim.state().versionsOf(sub)).hasSize(1);
        Map<String, Object> cancel = Fixtures.amendOrder(account, sub, "2026-01-10", Map.of(
                "type", "CancelSubscription", "triggerDates", List.of(Fixtures.trigger("2026-01-10")),
                "cancelSubscription", Map.of("cancellationPolicy", "SpecificDate", "cancellationEffectiveDate", "2026-01-10")));
        client.ok("/v1/orders", cancel);
        assertThat(client.post("/v1/orders", cancel).status()).isEqualTo(400);
        assertThat(sim.state().versionsOf(sub)).hasSize(2);
    }

    @Test
    void an_evergreen_subscription_cannot_end_at_its_term_end() {
        Map<String, Object> order = Map.of("orderDate", "2026-01-01", "existingAccountNumber", account,
                "subscriptions", List.of(Map.of("orderActions", List.of(Map.of("type", "CreateSubscription",
                        "createSubscription", Map.of("terms", Map.of("initialTerm", Map.of("termType", "EVERGREEN")),
                                "subscribeToRatePlans", List.of(Map.of("productRatePlanId", product.ratePlan("Support").id()))))))));
        String sub = subscriptionOf(client.ok("/v1/orders", order));
        Client.Reply r = client.post("/v1/orders", Fixtures.amendOrder(account, sub, "2026-02-01", Map.of(
                "type", "CancelSubscription", "cancelSubscription", Map.of("cancellationPolicy", "EndOfCurrentTerm"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(30);
    }

    @Test
    void adding_a_plan_with_billing_invoices_its_first_period() {
        String sub = subscriptionOf(client.ok("/v1/orders", create(account, 2, true)));
        Map<String, Object> add = new HashMap<>(Fixtures.amendOrder(account, sub, "2026-01-15", Map.of("type", "AddProduct",
                "triggerDates", List.of(Fixtures.trigger("2026-01-15")),
                "addProduct", Map.of("productRatePlanId", product.ratePlan("Support").id()))));
        add.put("processingOptions", Map.of("runBilling", true));
        JsonNode order = client.ok("/v1/orders", add);
        JsonNode invoice = client.okGet("/v1/invoices/" + order.path("invoiceNumbers").path(0).asText());
        // the account's bill cycle day is 1: the first period is 2026-01-15..02-01, 17 of 31 days of 20.00
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("10.97");
        assertThat(sim.state().invoiceCount()).isEqualTo(2);
    }

    @Test
    void an_unknown_product_rate_plan_or_charge_is_an_invalid_value() {
        Client.Reply r = client.post("/v1/orders", Fixtures.createSubscriptionOrder(account, "nope", "nope", 1, "2026-01-01", false));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(20);
        assertThat(sim.state().subscriptionCount()).isZero();
        assertThat(sim.state().orderCount()).isZero();
    }

    @Test
    void a_mid_period_quantity_change_with_billing_invoices_the_prorated_difference() {
        String sub = subscriptionOf(client.ok("/v1/orders", create(account, 3, true)));
        JsonNode v1 = client.okGet("/v1/subscriptions/" + sub);
        Map<String, Object> update = new HashMap<>(Fixtures.amendOrder(account, sub, "2026-01-16", Map.of(
                "type", "UpdateProduct", "triggerDates", List.of(Fixtures.trigger("2026-01-16")),
                "updateProduct", Map.of("ratePlanId", v1.path("ratePlans").path(0).path("id").asText(),
                        "chargeUpdates", List.of(Map.of("chargeNumber", Fixtures.firstCharge(v1, "Seats").path("number").asText(),
                                "pricing", Map.of("recurringPerUnit", Map.of("quantity", 5))))))));
        update.put("processingOptions", Map.of("runBilling", true, "billingOptions", Map.of("targetDate", "2026-01-16")));
        JsonNode order = client.ok("/v1/orders", update);
        JsonNode invoice = client.okGet("/v1/invoices/" + order.path("invoiceNumbers").path(0).asText());
        // 16 of 31 days (0.516129032), each line rounded: -30.00 x f = -15.48, +50.00 x f = 25.81
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("10.33");
    }

    @Test
    void an_update_dated_before_the_current_segment_starts_is_refused_and_books_nothing() {
        String sub = subscriptionOf(client.ok("/v1/orders", create(account, 3, true)));
        JsonNode v1 = client.okGet("/v1/subscriptions/" + sub);
        Map<String, Object> update = Fixtures.amendOrder(account, sub, "2025-12-01", Map.of(
                "type", "UpdateProduct", "triggerDates", List.of(Fixtures.trigger("2025-12-01")),
                "updateProduct", Map.of("ratePlanId", v1.path("ratePlans").path(0).path("id").asText(),
                        "chargeUpdates", List.of(Map.of("chargeNumber", Fixtures.firstCharge(v1, "Seats").path("number").asText(),
                                "pricing", Map.of("recurringPerUnit", Map.of("quantity", 5)))))));
        Client.Reply r = client.post("/v1/orders", update);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("reasons").path(0).path("message").asText()).contains("before the start");
        assertThat(sim.state().versionsOf(sub)).hasSize(1);
    }
}
