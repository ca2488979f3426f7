package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/subscriptions, PUT /v1/subscriptions/{key} and .../cancel: the older API the document also has. */
class SubscriptionsWithoutOrdersIT {
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

    @Test
    void subscribes_updates_the_quantity_removes_adds_and_cancels() {
        JsonNode created = client.ok("/v1/subscriptions", Map.of("accountKey", account, "contractEffectiveDate", "2026-01-01",
                "termType", "TERMED", "initialTerm", 12, "renewalTerm", 12, "autoRenew", true, "EngineId__c", "s-9",
                "subscribeToRatePlans", List.of(Map.of("productRatePlanId", product.ratePlan("Monthly").id(),
                        "chargeOverrides", List.of(Map.of("productRatePlanChargeId", product.ratePlan("Monthly").charge("Seats").id(),
                                "quantity", 4))))));
        String number = created.path("subscriptionNumber").asText();
        assertThat(created.path("invoiceId").asText()).hasSize(32); // runBilling defaults to true here
        assertThat(client.okGet("/v1/invoices/" + created.path("invoiceId").asText()).path("amount").decimalValue())
                .isEqualByComparingTo("90.00");
        JsonNode v1 = client.okGet("/v1/subscriptions/" + number);
        assertThat(v1.path("EngineId__c").asText()).isEqualTo("s-9");
        JsonNode seats = Fixtures.firstCharge(v1, "Seats");

        Client.Reply update = client.put("/v1/subscriptions/" + number, Map.of("update", List.of(Map.of(
                "ratePlanId", v1.path("ratePlans").path(0).path("id").asText(), "contractEffectiveDate", "2026-02-01",
                "chargeUpdateDetails", List.of(Map.of("ratePlanChargeId", seats.path("id").asText(), "quantity", 6))))));
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().path("totalDeltaMrr").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(update.json().has("invoiceId")).isFalse(); // runBilling defaults to false on update
        JsonNode v2 = client.okGet("/v1/subscriptions/" + number);
        assertThat(v2.path("id").asText()).isEqualTo(update.json().path("subscriptionId").asText());
        assertThat(Fixtures.firstCharge(v2, "Seats").path("quantity").decimalValue()).isEqualByComparingTo("6");

        client.put("/v1/subscriptions/" + number, Map.of(
                "remove", List.of(Map.of("ratePlanId", v2.path("ratePlans").path(0).path("id").asText(), "contractEffectiveDate", "2026-03-01")),
                "add", List.of(Map.of("productRatePlanId", product.ratePlan("Support").id(), "contractEffectiveDate", "2026-03-01"))));
        JsonNode v3 = client.okGet("/v1/subscriptions/" + number);
        assertThat(v3.path("version").asInt()).isEqualTo(3);
        assertThat(v3.path("ratePlans")).extracting(rp -> rp.path("lastChangeType").asText()).containsExactly("Remove", "Add");

        Client.Reply cancel = client.put("/v1/subscriptions/" + number + "/cancel",
                Map.of("cancellationPolicy", "SpecificDate", "cancellationEffectiveDate", "2026-03-15"));
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().path("cancelledDate").asText()).isEqualTo("2026-03-15");
        assertThat(client.okGet("/v1/subscriptions/" + number).path("status").asText()).isEqualTo("Cancelled");
        assertThat(sim.state().versionsOf(number)).hasSize(4);
        assertThat(sim.state().orderCount()).isZero();
    }

    @Test
    void an_older_version_cannot_be_amended() {
        String number = client.ok("/v1/subscriptions", Map.of("accountKey", account, "contractEffectiveDate", "2026-01-01",
                "termType", "EVERGREEN", "renewalTerm", 0, "runBilling", false,
                "subscribeToRatePlans", List.of(Map.of("productRatePlanId", product.ratePlan("Support").id()))))
                .path("subscriptionNumber").asText();
        String v1 = client.okGet("/v1/subscriptions/" + number).path("id").asText();
        client.put("/v1/subscriptions/" + number, Map.of("notes", "v2"));
        Client.Reply r = client.put("/v1/subscriptions/" + v1 + "/cancel", Map.of("cancellationPolicy", "EndOfLastInvoicePeriod"));
        assertThat(r.status()).isEqualTo(400);
    }
}
