package com.subscriptionsuite.zuora.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Catalog and request bodies shared by the simulator's tests. */
final class Fixtures {
    private Fixtures() {}

    static Catalog.Product seed(ZuoraSimulator sim) {
        return sim.catalog().addProduct(Catalog.product("Suite").sku("SUITE-" + System.nanoTime())
                .ratePlan(Catalog.ratePlan("Monthly")
                        .charge(Catalog.recurring("Seats", "PerUnit").price("USD", "10.00").price("EUR", "9.00"))
                        .charge(Catalog.oneTime("Setup", "FlatFee").price("USD", "50.00").price("EUR", "45.00")))
                .ratePlan(Catalog.ratePlan("Support")
                        .charge(Catalog.recurring("Support", "FlatFee").price("USD", "20.00").price("EUR", "18.00")))
                .ratePlan(Catalog.ratePlan("Discount 10%")
                        .charge(Catalog.recurring("Discount", "DiscountPercentage").price("USD", "10").price("EUR", "10")))
                .ratePlan(Catalog.ratePlan("Tiered API calls")
                        .charge(Catalog.recurring("Calls", "Tiered")
                                .tier("USD", "1", "10", "1.00", "PerUnit").tier("USD", "11", null, "0.50", "PerUnit"))));
    }

    static Map<String, Object> account(String name) {
        return Map.of("name", name, "currency", "USD", "billCycleDay", 1, "autoPay", false,
                "billToContact", Map.of("firstName", "Ada", "lastName", "Lovelace", "country", "US", "state", "CA",
                        "workEmail", "ada@example.com"),
                "Segment__c", "SMB");
    }

    static Map<String, Object> createSubscriptionOrder(String accountNumber, String productRatePlanId, String seatsChargeId,
                                                       int quantity, String orderDate, boolean runBilling) {
        return Map.of(
                "orderDate", orderDate,
                "existingAccountNumber", accountNumber,
                "customFields", Map.of("Source__c", "engine"),
                "processingOptions", Map.of("runBilling", runBilling, "collectPayment", false),
                "subscriptions", List.of(Map.of(
                        "customFields", Map.of("EngineId__c", "sub-1"),
                        "orderActions", List.of(Map.of(
                                "type", "CreateSubscription",
                                "triggerDates", List.of(Map.of("name", "ContractEffective", "triggerDate", orderDate)),
                                "createSubscription", Map.of(
                                        "terms", Map.of("initialTerm", Map.of("termType", "TERMED", "period", 12, "periodType", "Month"),
                                                "renewalTerms", List.of(Map.of("period", 12, "periodType", "Month")),
                                                "autoRenew", true),
                                        "subscribeToRatePlans", List.of(Map.of("productRatePlanId", productRatePlanId,
                                                "chargeOverrides", List.of(Map.of("productRatePlanChargeId", seatsChargeId,
                                                        "pricing", Map.of("recurringPerUnit", Map.of("quantity", quantity))))))))))));
    }

    static Map<String, Object> amendOrder(String accountNumber, String subscriptionNumber, String orderDate, Object... actions) {
        return Map.of("orderDate", orderDate, "existingAccountNumber", accountNumber,
                "subscriptions", List.of(Map.of("subscriptionNumber", subscriptionNumber, "orderActions", List.of(actions))));
    }

    static Map<String, Object> trigger(String date) {
        return Map.of("name", "ContractEffective", "triggerDate", date);
    }

    static JsonNode firstCharge(JsonNode subscription, String name) {
        for (JsonNode rp : subscription.path("ratePlans")) {
            for (JsonNode c : rp.path("ratePlanCharges")) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no charge " + name + " in " + subscription);
    }
}
