package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zuora's {@code DELETE /v1/orders/{orderNumber}} (DELETE_Order): the subscriptions the order changed roll back to
 * their previous version; an invoiced order, an unknown one, and one overtaken by a later order are refused as
 * Zuora refuses them ({@code success:false} with its reasons).
 */
class DeleteOrderIT {
    ZuoraSimulator sim;
    Client client;
    Catalog.Product product;
    String account;
    String subscription;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(0);
        product = Fixtures.seed(sim);
        client = new Client(sim).login();
        account = client.ok("/v1/accounts", Fixtures.account("Acme")).get("accountNumber").asText();
        // billed at once: charged through 2026-02-01
        subscription = client.ok("/v1/orders", Fixtures.createSubscriptionOrder(account,
                        product.ratePlan("Monthly").id(), product.ratePlan("Monthly").charge("Seats").id(), 3,
                        "2026-01-01", true))
                .path("subscriptions").path(0).path("subscriptionNumber").asText();
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    private void cancelOn(String orderNumber, String date, boolean runBilling) {
        Map<String, Object> order = new HashMap<>(Fixtures.amendOrder(account, subscription, "2026-01-10", Map.of(
                "type", "CancelSubscription", "triggerDates", List.of(Fixtures.trigger("2026-01-10")),
                "cancelSubscription", Map.of("cancellationPolicy", "SpecificDate", "cancellationEffectiveDate", date))));
        order.put("orderNumber", orderNumber);
        order.put("processingOptions", Map.of("runBilling", runBilling, "collectPayment", false,
                "billingOptions", Map.of("targetDate", "2026-01-10")));
        client.ok("/v1/orders", order);
    }

    @Test
    void rolls_a_future_cancel_back_to_the_previous_version() {
        JsonNode v1 = client.okGet("/v1/subscriptions/" + subscription);
        cancelOn("O-CANCEL", "2026-02-01", false);
        assertThat(client.okGet("/v1/subscriptions/" + subscription).path("status").asText()).isEqualTo("Cancelled");

        Client.Reply deleted = client.delete("/v1/orders/O-CANCEL");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("success").asBoolean()).isTrue();
        JsonNode after = client.okGet("/v1/subscriptions/" + subscription);
        assertThat(after.path("version").asInt()).isEqualTo(1);
        assertThat(after.path("id").asText()).isEqualTo(v1.path("id").asText());
        assertThat(after.path("status").asText()).isEqualTo("Active");
        assertThat(after.path("ratePlans").path(0).path("ratePlanCharges").path(0).path("effectiveEndDate").asText(""))
                .isEqualTo(v1.path("ratePlans").path(0).path("ratePlanCharges").path(0).path("effectiveEndDate")
                        .asText(""));
        assertThat(sim.state().versionsOf(subscription)).extracting(SimulatorState.SubscriptionVersion::version)
                .containsExactly(1);
    }

    @Test
    void an_order_deleted_already_or_never_placed_is_not_found() {
        cancelOn("O-CANCEL", "2026-02-01", false);
        assertThat(client.delete("/v1/orders/O-CANCEL").status()).isEqualTo(200);

        Client.Reply again = client.delete("/v1/orders/O-CANCEL");

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("success").asBoolean(true)).isFalse();
        assertThat(again.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(40);
    }

    @Test
    void refuses_an_order_whose_charges_are_invoiced_and_keeps_it() {
        // cancelled inside the invoiced period, billed at once: a credit was invoiced
        cancelOn("O-INVOICED", "2026-01-20", true);

        Client.Reply refused = client.delete("/v1/orders/O-INVOICED");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("success").asBoolean(true)).isFalse();
        assertThat(refused.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(30);
        assertThat(refused.json().path("reasons").path(0).path("message").asText()).contains("invoiced");
        assertThat(client.okGet("/v1/subscriptions/" + subscription).path("status").asText()).isEqualTo("Cancelled");
    }

    @Test
    void refuses_an_order_a_later_order_changed_the_subscription_after() {
        JsonNode v1 = client.okGet("/v1/subscriptions/" + subscription);
        Map<String, Object> update = new HashMap<>(Fixtures.amendOrder(account, subscription, "2026-01-10", Map.of(
                "type", "UpdateProduct", "triggerDates", List.of(Fixtures.trigger("2026-02-01")),
                "updateProduct", Map.of("ratePlanId", v1.path("ratePlans").path(0).path("id").asText(),
                        "chargeUpdates", List.of(Map.of("chargeNumber",
                                Fixtures.firstCharge(v1, "Seats").path("number").asText(),
                                "effectiveDate", Map.of("specificTriggerDate", "2026-02-01"),
                                "pricing", Map.of("recurringPerUnit", Map.of("quantity", 5))))))));
        update.put("orderNumber", "O-UPDATE");
        client.ok("/v1/orders", update);
        cancelOn("O-CANCEL", "2026-03-01", false);

        Client.Reply refused = client.delete("/v1/orders/O-UPDATE");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("reasons").path(0).path("code").asLong() % 100).isEqualTo(30);
        assertThat(client.okGet("/v1/subscriptions/" + subscription).path("version").asInt()).isEqualTo(3);
    }
}
