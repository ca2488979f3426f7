package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/bill-runs, the tax rate table (options and admin route), exemption, tax-inclusive charges. */
class BillRunAndTaxIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
    private ZuoraSimulator sim;
    private Client client;
    private Catalog.Product product;

    @BeforeEach
    void start() {
        sim = ZuoraSimulator.start(ZuoraSimulator.options().port(0).clock(clock));
        client = new Client(sim).login();
        product = sim.catalog().addProduct(Catalog.product("Taxed").sku("TAXED-" + System.nanoTime())
                .ratePlan(Catalog.ratePlan("Monthly")
                        .charge(Catalog.recurring("Seats", "PerUnit").price("EUR", "10.00")
                                .attribute("taxable", true).attribute("taxMode", "TaxExclusive")))
                .ratePlan(Catalog.ratePlan("Gross")
                        .charge(Catalog.recurring("Gross seats", "PerUnit").price("EUR", "11.90")
                                .attribute("taxable", true).attribute("taxMode", "TaxInclusive")))
                .ratePlan(Catalog.ratePlan("Setup")
                        .charge(Catalog.oneTime("Setup", "FlatFee").price("EUR", "50.00")
                                .attribute("taxable", true).attribute("taxCode", "SERVICES"))));
    }

    @AfterEach
    void stop() {
        assertThat(sim.state().invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    private String account(String country, int billCycleDay, String batch, Map<String, Object> taxInfo) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Customer", "currency", "EUR",
                "billCycleDay", billCycleDay, "batch", batch,
                "billToContact", Map.of("firstName", "Ann", "lastName", "Example", "country", country)));
        if (taxInfo != null) {
            body.put("taxInfo", taxInfo);
        }
        return client.ok("/v1/accounts", body).path("accountNumber").asText();
    }

    private JsonNode subscribe(String account, String plan, int quantity, String date, boolean runBilling) {
        Catalog.RatePlan rp = product.ratePlan(plan);
        Map<String, Object> overrides = "Setup".equals(plan) ? Map.of("productRatePlanId", rp.id())
                : Map.of("productRatePlanId", rp.id(), "chargeOverrides", List.of(Map.of(
                        "productRatePlanChargeId", rp.charges().get(0).id(),
                        "pricing", Map.of("recurringPerUnit", Map.of("quantity", quantity)))));
        return client.ok("/v1/orders?returnIds=true", Map.of("orderDate", date, "existingAccountNumber", account,
                "processingOptions", Map.of("runBilling", runBilling, "billingOptions", Map.of("targetDate", date)),
                "subscriptions", List.of(Map.of("orderActions", List.of(Map.of("type", "CreateSubscription",
                        "triggerDates", List.of(Map.of("name", "ContractEffective", "triggerDate", date)),
                        "createSubscription", Map.of("terms", Map.of("initialTerm", Map.of("termType", "EVERGREEN")),
                                "subscribeToRatePlans", List.of(overrides))))))));
    }

    private void putRates(String json) {
        Client.Reply r = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__simulator/tax-rates"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    @Test
    void without_a_tax_table_nothing_is_taxed() {
        JsonNode order = subscribe(account("DE", 1, "Batch1", null), "Monthly", 3, "2026-01-01", true);
        JsonNode invoice = client.okGet("/v1/invoices/" + order.path("invoiceIds").path(0).asText());
        assertThat(invoice.path("taxAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("30.00");
        JsonNode item = client.okGet("/v1/invoices/" + invoice.path("id").asText() + "/items").path("invoiceItems").path(0);
        assertThat(item.path("taxationItems").path("data")).isEmpty();
    }

    @Test
    void the_admin_route_sets_rates_per_country_and_tax_code_and_the_sold_to_country_picks_them() {
        putRates("{\"rates\": [{\"country\": \"DE\", \"rate\": \"0.19\"},"
                + " {\"country\": \"DE\", \"taxCode\": \"SERVICES\", \"rate\": \"0.07\", \"name\": \"VAT reduced\"},"
                + " {\"country\": \"FR\", \"rate\": \"0.20\"}]}");
        String de = account("DE", 1, "Batch1", null);
        JsonNode monthly = client.okGet("/v1/invoices/" + subscribe(de, "Monthly", 3, "2026-01-01", true)
                .path("invoiceIds").path(0).asText());
        assertThat(monthly.path("amountWithoutTax").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(monthly.path("taxAmount").decimalValue()).isEqualByComparingTo("5.70");
        assertThat(monthly.path("amount").decimalValue()).isEqualByComparingTo("35.70");
        JsonNode setup = client.okGet("/v1/invoices/" + subscribe(de, "Setup", 1, "2026-01-01", true)
                .path("invoiceIds").path(0).asText());
        assertThat(setup.path("taxAmount").decimalValue()).isEqualByComparingTo("3.50");
        JsonNode item = client.okGet("/v1/invoices/" + setup.path("id").asText() + "/items").path("invoiceItems").path(0);
        assertThat(item.path("taxCode").asText()).isEqualTo("SERVICES");
        assertThat(item.path("taxationItems").path("data").path(0).path("name").asText()).isEqualTo("VAT reduced");
        String fr = account("France", 1, "Batch1", null);
        JsonNode french = client.okGet("/v1/invoices/" + subscribe(fr, "Monthly", 1, "2026-01-01", true)
                .path("invoiceIds").path(0).asText());
        assertThat(french.path("taxAmount").decimalValue()).isEqualByComparingTo("2.00");
        Client.Reply bad = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__simulator/tax-rates"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rates\": [{\"country\": \"DE\", \"rate\": \"19\"}]}")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(sim.taxRates().all()).hasSize(3);
    }

    @Test
    void an_exempt_account_is_not_taxed_and_a_tax_inclusive_price_holds_its_tax() {
        sim.taxRates().put("DE", "0.19");
        String exempt = account("DE", 1, "Batch1", Map.of("VATId", "DE136695976", "exemptStatus", "Yes"));
        JsonNode none = client.okGet("/v1/invoices/" + subscribe(exempt, "Monthly", 1, "2026-01-01", true)
                .path("invoiceIds").path(0).asText());
        assertThat(none.path("taxAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(client.okGet("/v1/accounts/" + exempt).path("taxInfo").path("exemptStatus").asText()).isEqualTo("Yes");
        JsonNode gross = client.okGet("/v1/invoices/" + subscribe(account("DE", 1, "Batch1", null), "Gross", 1,
                "2026-01-01", true).path("invoiceIds").path(0).asText());
        assertThat(gross.path("amount").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(gross.path("taxAmount").decimalValue()).isEqualByComparingTo("1.90");
        assertThat(gross.path("amountWithoutTax").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void a_bill_run_makes_one_invoice_per_selected_account_up_to_its_target_date() {
        String first = account("DE", 1, "Batch1", null);
        String second = account("DE", 15, "Batch2", null);
        subscribe(first, "Monthly", 2, "2026-01-01", true);
        subscribe(first, "Setup", 1, "2026-01-01", false);
        subscribe(second, "Monthly", 1, "2026-01-01", false);
        assertThat(sim.state().invoiceCount()).isEqualTo(1);
        // bill cycle day 1 only, one-time charges left out, not posted: Draft invoices, the run Completed
        JsonNode run = client.ok("/v1/bill-runs", Map.of("targetDate", "2026-02-01", "billCycleDay", "1",
                "chargeTypeToExclude", List.of("OneTime"), "autoPost", false));
        assertThat(run.path("status").asText()).isEqualTo("Completed");
        assertThat(run.path("targetDate").asText()).isEqualTo("2026-02-01");
        List<String> made = sim.state().billRuns().get(0).invoiceIds();
        assertThat(made).hasSize(1);
        JsonNode invoice = client.okGet("/v1/invoices/" + made.get(0));
        assertThat(invoice.path("status").asText()).isEqualTo("Draft");
        // a Draft invoice is not owed yet: the account's balance is its posted order invoice's (2 x 10.00)
        assertThat(new java.math.BigDecimal(client.okGet("/v1/accounts/" + first).path("metrics").path("balance").asText()))
                .isEqualByComparingTo("20.00");
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(invoice.path("invoiceDate").asText()).isEqualTo("2026-02-01");
        assertThat(client.okGet("/v1/bill-runs/" + run.path("id").asText()).path("billRunNumber").asText())
                .isEqualTo(run.path("billRunNumber").asText());
        // every account of Batch2, posted: the second account's partial period 01-01..01-15 and the next one
        JsonNode batch2 = client.ok("/v1/bill-runs", Map.of("targetDate", "2026-01-15", "batches", List.of("Batch2"),
                "autoPost", true));
        List<String> second2 = sim.state().billRuns().get(1).invoiceIds();
        assertThat(second2).hasSize(1);
        JsonNode partial = client.okGet("/v1/invoices/" + second2.get(0) + "/items").path("invoiceItems");
        // 14 of the 31 days 2025-12-15..2026-01-15 (0.451612903) of 10.00, then 2026-01-15..02-15 in full
        assertThat(partial).hasSize(2);
        assertThat(partial.path(0).path("chargeAmount").decimalValue()).isEqualByComparingTo("4.52");
        assertThat(partial.path(1).path("chargeAmount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(batch2.path("status").asText()).isEqualTo("Posted");
        // the one-time charge left out before is billed by a run that does not exclude it
        client.ok("/v1/bill-runs", Map.of("targetDate", "2026-02-01", "billRunFilters",
                List.of(Map.of("filterType", "Account", "accountId", first))));
        JsonNode setup = client.okGet("/v1/invoices/" + sim.state().billRuns().get(2).invoiceIds().get(0));
        assertThat(setup.path("amount").decimalValue()).isEqualByComparingTo("50.00");
        Client.Reply runs = client.get("/__simulator/bill-runs");
        assertThat(runs.json()).hasSize(3);
        assertThat(runs.json().path(0).path("invoiceIds").path(0).asText()).isEqualTo(made.get(0));
    }

    @Test
    void a_bill_run_needs_a_target_date_and_a_valid_bill_cycle_day() {
        Client.Reply noDate = client.post("/v1/bill-runs", Map.of("autoPost", true));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().path("reasons").path(0).path("message").asText()).contains("targetDate");
        Client.Reply badDay = client.post("/v1/bill-runs", Map.of("targetDate", "2026-02-01", "billCycleDay", "32"));
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().path("reasons").path(0).path("message").asText()).contains("billCycleDay");
        assertThat(client.get("/v1/bill-runs/nope").status()).isEqualTo(404);
        assertThat(sim.state().billRuns()).isEmpty();
    }

    @Test
    void a_product_seeded_over_http_carries_its_tax_fields() {
        Client.Reply seeded = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__simulator/catalog/products"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Hand made", "sku": "HAND", "ratePlans": [{"name": "Monthly", "charges": [{"name": "Fee",
                         "type": "Recurring", "model": "FlatFee", "prices": {"EUR": "100.00"}, "taxable": true,
                         "taxCode": "SERVICES", "attributes": {"specificBillingPeriod": 2}}]}]}""")));
        assertThat(seeded.status()).as(seeded.toString()).isEqualTo(200);
        String plan = seeded.json().path("ratePlans").path(0).path("id").asText();
        JsonNode charge = client.okGet("/v1/products/HAND/product-rate-plans").path("productRatePlans").path(0)
                .path("productRatePlanCharges").path(0);
        assertThat(charge.path("taxable").asBoolean()).isTrue();
        assertThat(charge.path("taxCode").asText()).isEqualTo("SERVICES");
        assertThat(charge.path("specificBillingPeriod").asInt()).isEqualTo(2);
        sim.taxRates().put("AT", "SERVICES", "0.20", "USt");
        String at = account("AT", 1, "Batch1", null);
        JsonNode order = client.ok("/v1/orders?returnIds=true", Map.of("orderDate", "2026-01-01", "existingAccountNumber", at,
                "processingOptions", Map.of("runBilling", true),
                "subscriptions", List.of(Map.of("orderActions", List.of(Map.of("type", "CreateSubscription",
                        "triggerDates", List.of(Map.of("name", "ContractEffective", "triggerDate", "2026-01-01")),
                        "createSubscription", Map.of("terms", Map.of("initialTerm", Map.of("termType", "EVERGREEN")),
                                "subscribeToRatePlans", List.of(Map.of("productRatePlanId", plan)))))))));
        JsonNode invoice = client.okGet("/v1/invoices/" + order.path("invoiceIds").path(0).asText());
        assertThat(invoice.path("taxAmount").decimalValue()).isEqualByComparingTo("20.00");
    }

    @Test
    void an_exemption_set_later_holds_for_the_next_invoices() {
        sim.taxRates().put("DE", "0.19");
        String account = account("DE", 1, "Batch1", Map.of("VATId", "DE136695976"));
        JsonNode taxed = client.okGet("/v1/invoices/" + subscribe(account, "Monthly", 1, "2026-01-01", true)
                .path("invoiceIds").path(0).asText());
        assertThat(taxed.path("taxAmount").decimalValue()).isEqualByComparingTo("1.90");
        Client.Reply put = client.put("/v1/accounts/" + account, Map.of("taxInfo", Map.of("exemptStatus", "Yes")));
        assertThat(put.status()).isEqualTo(200);
        JsonNode info = client.okGet("/v1/accounts/" + account).path("taxInfo");
        assertThat(info.path("VATId").asText()).isEqualTo("DE136695976");
        assertThat(info.path("exemptStatus").asText()).isEqualTo("Yes");
        client.ok("/v1/bill-runs", Map.of("targetDate", "2026-02-01", "autoPost", true));
        JsonNode next = client.okGet("/v1/invoices/" + sim.state().billRuns().get(0).invoiceIds().get(0));
        assertThat(next.path("taxAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(next.path("amount").decimalValue()).isEqualByComparingTo("10.00");
    }
}
