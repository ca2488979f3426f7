package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's customer journey (bootstrap's CustomerJourney, every amount computed in its comments) as the Zuora
 * calls the engine's adapter makes (ZuoraBillingGateway / ZuoraMapping), against the demo catalog as
 * adapters-zuora's ZuoraTestCatalogs.seed puts it into the simulator, with 19 % VAT for Germany: a German consumer
 * (bill cycle day 21) subscribes to Starter (3 users, monthly) and Professional annual with the WELCOME10 voucher,
 * changes the quantity and upgrades ten days later, downgrades at the period end, cancels the annual plan at its
 * term end, and the next period's bill run invoices Starter for 5 users.
 */
class CustomerJourneyBillingIT {
    private final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private ZuoraSimulator sim;
    private Client client;
    private Catalog.Product office;
    private Catalog.Product promotions;

    @BeforeEach
    void start() {
        CLOCK.set(Instant.parse("2026-11-21T10:00:00Z"));
        sim = ZuoraSimulator.start(ZuoraSimulator.options().port(0).clock(CLOCK).taxRate("DE", "0.19"));
        client = new Client(sim).login();
        // the demo tenant's catalog, charge by charge as ZuoraTestCatalogs.seed adds it
        office = sim.catalog().addProduct(Catalog.product("Cloud Office").id("zprod1")
                .ratePlan(Catalog.ratePlan("Starter (monthly)").id("zplan11")
                        .charge(taxed(Catalog.recurring("Starter licence", "PerUnit").id("zcharge111").uom("User")
                                .price("EUR", "6.00").price("USD", "7.00"))))
                .ratePlan(Catalog.ratePlan("Professional (monthly)").id("zplan12")
                        .charge(taxed(Catalog.recurring("Professional licence", "PerUnit").id("zcharge121").uom("User")
                                .price("EUR", "12.00").price("USD", "13.00")))
                        .charge(taxed(Catalog.oneTime("Set-up fee", "FlatFee").id("zcharge122")
                                .price("EUR", "49.00").price("USD", "55.00"))))
                .ratePlan(Catalog.ratePlan("Professional (annual)").id("zplan13")
                        .charge(taxed(Catalog.recurring("Professional licence (annual)", "PerUnit").id("zcharge131")
                                .billingPeriod("Annual").uom("User").price("EUR", "120.00").price("USD", "130.00")))));
        promotions = sim.catalog().addProduct(Catalog.product("Promotions").id("zprod5")
                .ratePlan(Catalog.ratePlan("Welcome 10 %").id("zplan51")
                        .charge(taxed(Catalog.recurring("Welcome discount", "DiscountPercentage").id("zcharge511")
                                .price("EUR", "10").attribute("applyDiscountTo", "RECURRING")))));
    }

    private static Catalog.ChargeBuilder taxed(Catalog.ChargeBuilder c) {
        return c.attribute("taxMode", "TaxExclusive").attribute("taxable", true);
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    @Test
    void the_journey_s_invoices_to_the_cent() {
        String card = hostedPageCard();
        JsonNode created = client.ok("/v1/accounts", Map.of("name", "Ann Example", "currency", "EUR", "billCycleDay", 21,
                "autoPay", false, "billToContact", ann(), "soldToContact", ann(), "hpmCreditCardPaymentMethodId", card,
                "SuiteTenantId__c", "1", "SuiteUserId__c", "7"));
        String accountId = created.path("accountId").asText();
        String account = created.path("accountNumber").asText();
        assertThat(client.okGet("/v1/payment-methods/" + card).path("accountKey").asText()).isEqualTo(accountId);

        // checkout 2026-11-21: Starter 3 x 6.00 = 18.00 - 1.80, tax 3.42 - 0.34; annual 120.00 - 12.00, tax 22.80 - 2.28
        JsonNode checkout = client.ok("/v1/orders?returnIds=true", order("2026-11-21", account, true, "2026-11-21",
                List.of(newSubscription(account, "2026-11-21", 1, "zplan11", "zcharge111", 3),
                        newSubscription(account, "2026-11-21", 12, "zplan13", "zcharge131", 1))));
        String starter = checkout.path("subscriptions").path(0).path("subscriptionNumber").asText();
        String annual = checkout.path("subscriptions").path(1).path("subscriptionNumber").asText();
        JsonNode first = invoice(checkout);
        assertAmounts(first, "124.20", "23.60", "147.80");
        assertThat(first.path("invoiceDate").asText()).isEqualTo("2026-11-21");
        JsonNode items = client.okGet("/v1/invoices/" + first.path("id").asText() + "/items").path("invoiceItems");
        assertThat(items).hasSize(4);
        JsonNode starterLicence = item(items, "Starter licence");
        assertThat(starterLicence.path("subscriptionName").asText()).isEqualTo(starter);
        assertThat(starterLicence.path("productRatePlanChargeId").asText()).isEqualTo("zcharge111");
        assertThat(starterLicence.path("chargeAmount").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(starterLicence.path("taxAmount").decimalValue()).isEqualByComparingTo("3.42");
        assertThat(starterLicence.path("serviceStartDate").asText()).isEqualTo("2026-11-21");
        assertThat(starterLicence.path("serviceEndDate").asText()).isEqualTo("2026-12-20");
        JsonNode tax = starterLicence.path("taxationItems").path("data").path(0);
        assertThat(tax.path("taxRate").decimalValue()).isEqualByComparingTo("0.19");
        assertThat(tax.path("jurisdiction").asText()).isEqualTo("DE");
        assertThat(client.okGet("/v1/subscriptions/" + annual).path("ratePlans").path(0).path("ratePlanCharges").path(0)
                .path("chargedThroughDate").asText()).isEqualTo("2027-11-21");
        assertThat(client.okGet("/v1/subscriptions/" + starter).path("contractedMrr").decimalValue()).isEqualByComparingTo("16.20");
        assertThat(client.okGet("/v1/subscriptions/" + annual).path("contractedMrr").decimalValue()).isEqualByComparingTo("9.00");

        CLOCK.set(Instant.parse("2026-12-01T09:00:00Z"));

        client.login();
        // quantity 3 -> 5 on 2026-12-01, 20 of the 30 days left (0.666666667):
        // -12.00 (+1.20 discount back), +20.00 (-2.00 discount); tax -2.28 + 0.23 + 3.80 - 0.38
        JsonNode v1 = client.okGet("/v1/subscriptions/" + starter + "?charge-detail=all-segments");
        String starterPlan = plan(v1, "Starter (monthly)").path("id").asText();
        String seatsNumber = plan(v1, "Starter (monthly)").path("ratePlanCharges").path(0).path("number").asText();
        JsonNode quantity = client.ok("/v1/orders?returnIds=true", order("2026-12-01", account, true, "2026-12-01",
                List.of(amend(starter, action("UpdateProduct", "2026-12-01", "updateProduct", Map.of("ratePlanId", starterPlan,
                        "chargeUpdates", List.of(Map.of("chargeNumber", seatsNumber,
                                "pricing", Map.of("recurringPerUnit", Map.of("quantity", 5)),
                                "effectiveDate", Map.of("specificTriggerDate", "2026-12-01")))))))));
        assertAmounts(invoice(quantity), "7.20", "1.37", "8.57");
        JsonNode segments = plan(client.okGet("/v1/subscriptions/" + starter + "?charge-detail=all-segments"),
                "Starter (monthly)").path("ratePlanCharges").path(0).path("chargeSegments");
        assertThat(segments).hasSize(2);
        assertThat(segments.path(0).path("segment").asInt()).isEqualTo(1);
        assertThat(segments.path(0).path("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(segments.path(0).path("effectiveEndDate").asText()).isEqualTo("2026-12-01");
        assertThat(segments.path(1).path("segment").asInt()).isEqualTo(2);
        assertThat(segments.path(1).path("quantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(segments.path(1).path("chargedThroughDate").asText()).isEqualTo("2026-12-21");

        // upgrade Starter -> Professional (monthly), the voucher's plan removed with it:
        // -20.00 (+2.00 discount back), +60.00 x f = 40.00; tax -3.80 + 0.38 + 7.60.
        // The engine means not to charge the set-up fee of a plan added by a change: Zuora bills every charge of
        // an added plan, so the set-up fee needs a price override of 0 (see upgrade_without_an_override...).
        JsonNode v2 = client.okGet("/v1/subscriptions/" + starter);
        List<Object> upgrade = new ArrayList<>();
        for (JsonNode rp : v2.path("ratePlans")) {
            if (!"Remove".equals(rp.path("lastChangeType").asText())) {
                upgrade.add(action("RemoveProduct", "2026-12-01", "removeProduct", Map.of("ratePlanId", rp.path("id").asText())));
            }
        }
        upgrade.add(action("AddProduct", "2026-12-01", "addProduct", Map.of("productRatePlanId", "zplan12",
                "chargeOverrides", List.of(quantityOverride("zcharge121", 5),
                        Map.of("productRatePlanChargeId", "zcharge122", "pricing", Map.of("oneTimeFlatFee", Map.of("listPrice", 0)))))));
        JsonNode upgraded = client.ok("/v1/orders?returnIds=true", order("2026-12-01", account, true, "2026-12-01",
                List.of(amend(starter, upgrade.toArray()))));
        assertAmounts(invoice(upgraded), "22.00", "4.18", "26.18");

        // downgrade at the period end: Professional removed and Starter (5 users) added on 2026-12-21; no billing now
        JsonNode v3 = client.okGet("/v1/subscriptions/" + starter);
        JsonNode downgraded = client.ok("/v1/orders?returnIds=true", order("2026-12-01", account, false, null,
                List.of(amend(starter, action("RemoveProduct", "2026-12-21", "removeProduct",
                                Map.of("ratePlanId", plan(v3, "Professional (monthly)").path("id").asText())),
                        action("AddProduct", "2026-12-21", "addProduct", Map.of("productRatePlanId", "zplan11",
                                "chargeOverrides", List.of(quantityOverride("zcharge111", 5))))))));
        assertThat(downgraded.has("invoiceNumbers")).isFalse();
        // the annual plan cancelled at its term end, nothing credited
        JsonNode cancelled = client.ok("/v1/orders?returnIds=true", order("2026-12-01", account, false, null,
                List.of(amend(annual, action("CancelSubscription", "2027-11-21", "cancelSubscription",
                        Map.of("cancellationPolicy", "SpecificDate", "cancellationEffectiveDate", "2027-11-21"))))));
        assertThat(cancelled.has("invoiceNumbers")).isFalse();
        assertThat(sim.state().invoiceCount()).isEqualTo(3);

        // the next period's bill run: Starter 5 x 6.00 = 30.00 + 5.70
        CLOCK.set(Instant.parse("2026-12-21T08:00:00Z"));
        client.login();
        Map<String, Object> run = Map.of("targetDate", "2026-12-21", "autoPost", true,
                "billRunFilters", List.of(Map.of("filterType", "Account", "accountId", accountId)));
        JsonNode billRun = client.ok("/v1/bill-runs", run);
        assertThat(billRun.path("status").asText()).isEqualTo("Posted");
        assertThat(sim.state().billRuns()).hasSize(1);
        List<String> made = sim.state().billRuns().get(0).invoiceIds();
        assertThat(made).hasSize(1);
        JsonNode next = client.okGet("/v1/invoices/" + made.get(0));
        assertAmounts(next, "30.00", "5.70", "35.70");
        JsonNode nextItems = client.okGet("/v1/invoices/" + made.get(0) + "/items").path("invoiceItems");
        assertThat(nextItems).hasSize(1);
        assertThat(nextItems.path(0).path("chargeName").asText()).isEqualTo("Starter licence");
        assertThat(nextItems.path(0).path("serviceStartDate").asText()).isEqualTo("2026-12-21");
        assertThat(nextItems.path(0).path("serviceEndDate").asText()).isEqualTo("2027-01-20");
        // the same day again: nothing more is due
        client.ok("/v1/bill-runs", run);
        assertThat(sim.state().billRuns().get(1).invoiceIds()).isEmpty();

        // every read agrees: billing documents, the account summary and the account's balance
        JsonNode documents = client.okGet("/v1/billing-documents?accountId=" + accountId).path("documents");
        List<BigDecimal> amounts = new ArrayList<>();
        documents.forEach(d -> amounts.add(d.path("amount").decimalValue()));
        assertThat(amounts).usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(
                new BigDecimal("147.80"), new BigDecimal("8.57"), new BigDecimal("26.18"), new BigDecimal("35.70"));
        JsonNode summary = client.okGet("/v1/accounts/" + accountId + "/summary");
        // 147.80 + 8.57 + 26.18 + 35.70 (decimal strings in these two reads, as in Zuora's document)
        assertThat(new BigDecimal(summary.path("basicInfo").path("balance").asText())).isEqualByComparingTo("218.25");
        assertThat(new BigDecimal(client.okGet("/v1/accounts/" + accountId).path("metrics").path("balance").asText()))
                .isEqualByComparingTo("218.25");
        assertThat(summary.path("invoices")).hasSize(4);
    }

    @Test
    void upgrade_without_an_override_of_the_set_up_fee_bills_it_as_zuora_does() {
        String account = client.ok("/v1/accounts", Map.of("name", "Ann Example", "currency", "EUR", "billCycleDay", 21,
                "autoPay", false, "billToContact", ann(), "soldToContact", ann())).path("accountNumber").asText();
        JsonNode checkout = client.ok("/v1/orders?returnIds=true", order("2026-11-21", account, true, "2026-11-21",
                List.of(newSubscription(account, "2026-11-21", 1, "zplan11", "zcharge111", 5))));
        String starter = checkout.path("subscriptions").path(0).path("subscriptionNumber").asText();
        CLOCK.set(Instant.parse("2026-12-01T09:00:00Z"));
        client.login();
        JsonNode v1 = client.okGet("/v1/subscriptions/" + starter);
        List<Object> upgrade = new ArrayList<>();
        v1.path("ratePlans").forEach(rp -> upgrade.add(action("RemoveProduct", "2026-12-01", "removeProduct",
                Map.of("ratePlanId", rp.path("id").asText()))));
        upgrade.add(action("AddProduct", "2026-12-01", "addProduct", Map.of("productRatePlanId", "zplan12",
                "chargeOverrides", List.of(quantityOverride("zcharge121", 5)))));
        JsonNode upgraded = client.ok("/v1/orders?returnIds=true", order("2026-12-01", account, true, "2026-12-01",
                List.of(amend(starter, upgrade.toArray()))));
        // as in the journey -20.00 + 2.00 + 40.00 = 22.00 (tax 4.18), and the set-up fee 49.00 (tax 9.31)
        assertAmounts(invoice(upgraded), "71.00", "13.49", "84.49");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Signs the demo card page and submits a Visa test card as the hosted page does: the new method's id. */
    private String hostedPageCard() {
        JsonNode signed = client.ok("/v1/rsa-signatures", Map.of("uri", "https://apisandbox.zuora.com/apps/PublicHostedPageLite.do",
                "method", "POST", "pageId", "demo-card"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", "demo-card");
        form.put("tenantId", signed.path("tenantId").asText());
        form.put("token", signed.path("token").asText());
        form.put("signature", signed.path("signature").asText());
        form.put("field_creditCardNumber", "4111111111111111");
        form.put("field_creditCardHolderName", "Ann Example");
        form.put("field_creditCardExpirationMonth", "12");
        form.put("field_creditCardExpirationYear", "2030");
        form.put("field_cardSecurityCode", "737");
        JsonNode answer = HostedPageIT.submitForm(client, form).json();
        assertThat(answer.path("success").asText()).as(answer.toString()).isEqualTo("true");
        return answer.path("refId").asText();
    }

    private static Map<String, Object> ann() {
        return Map.of("firstName", "Ann", "lastName", "Example", "address1", "Invalidenstr. 1", "city", "Berlin",
                "zipCode", "10115", "country", "DE", "workEmail", "ann@example.com", "workPhone", "+49 30 123456");
    }

    private static Map<String, Object> order(String date, String account, boolean runBilling, String targetDate,
                                             List<Object> subscriptions) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("orderDate", date);
        o.put("orderNumber", "SSE-" + Ids.newId());
        o.put("existingAccountNumber", account);
        Map<String, Object> processing = new LinkedHashMap<>();
        processing.put("runBilling", runBilling);
        processing.put("collectPayment", false);
        if (targetDate != null) {
            processing.put("billingOptions", Map.of("targetDate", targetDate));
        }
        o.put("processingOptions", processing);
        o.put("subscriptions", subscriptions);
        return o;
    }

    private static List<Map<String, Object>> triggers(String date) {
        return List.of(Map.of("name", "ContractEffective", "triggerDate", date),
                Map.of("name", "ServiceActivation", "triggerDate", date),
                Map.of("name", "CustomerAcceptance", "triggerDate", date));
    }

    /** A cart line as ZuoraMapping.newSubscription makes it: the suite product's plan and the voucher's plan. */
    private static Map<String, Object> newSubscription(String account, String date, int months, String plan, String charge,
                                                       int quantity) {
        Map<String, Object> terms = Map.of("initialTerm", Map.of("termType", "TERMED", "period", months, "periodType", "Month",
                        "startDate", date), "renewalSetting", "RENEW_WITH_SPECIFIC_TERM",
                "renewalTerms", List.of(Map.of("period", months, "periodType", "Month")), "autoRenew", true);
        return Map.of("orderActions", List.of(Map.of("type", "CreateSubscription", "triggerDates", triggers(date),
                        "createSubscription", Map.of("subscriptionOwnerAccountNumber", account, "terms", terms,
                                "subscribeToRatePlans", List.of(
                                        Map.of("productRatePlanId", plan, "chargeOverrides", List.of(quantityOverride(charge, quantity))),
                                        Map.of("productRatePlanId", "zplan51"))))),
                "customFields", Map.of("SuiteQuantity__c", String.valueOf(quantity)));
    }

    private static Map<String, Object> quantityOverride(String charge, int quantity) {
        return Map.of("productRatePlanChargeId", charge, "pricing", Map.of("recurringPerUnit", Map.of("quantity", quantity)));
    }

    private static Map<String, Object> amend(String subscription, Object... actions) {
        return Map.of("subscriptionNumber", subscription, "orderActions", List.of(actions));
    }

    private static Map<String, Object> action(String type, String date, String field, Object body) {
        Map<String, Object> a = new HashMap<>();
        a.put("type", type);
        a.put("triggerDates", triggers(date));
        a.put(field, body);
        return a;
    }

    private JsonNode invoice(JsonNode order) {
        assertThat(order.path("invoiceIds")).as(order.toString()).hasSize(1);
        return client.okGet("/v1/invoices/" + order.path("invoiceIds").path(0).asText());
    }

    private static void assertAmounts(JsonNode invoice, String net, String tax, String gross) {
        assertThat(invoice.path("amountWithoutTax").decimalValue()).as(invoice.toString()).isEqualByComparingTo(net);
        assertThat(invoice.path("taxAmount").decimalValue()).as(invoice.toString()).isEqualByComparingTo(tax);
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo(gross);
        assertThat(invoice.path("balance").decimalValue()).isEqualByComparingTo(gross);
    }

    private static JsonNode plan(JsonNode subscription, String name) {
        for (JsonNode rp : subscription.path("ratePlans")) {
            if (rp.path("ratePlanName").asText().equals(name) && !"Remove".equals(rp.path("lastChangeType").asText())) {
                return rp;
            }
        }
        throw new AssertionError("no rate plan " + name + " in " + subscription);
    }

    private static JsonNode item(JsonNode items, String chargeName) {
        for (JsonNode i : items) {
            if (i.path("chargeName").asText().equals(chargeName)) {
                return i;
            }
        }
        throw new AssertionError("no item " + chargeName + " in " + items);
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static HttpRequest.Builder page(ZuoraSimulator sim) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/apps/PublicHostedPageLite.do"));
    }
}
