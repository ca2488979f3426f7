package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.post;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's chain end to end on the standalone server: a checkout over HTTP writes its business
 * events, the revenue feed's consumer turns them into revenue lines (a sales-order line per booked
 * charge, an invoice line per invoice line), and the batch job posts them (here as the CSV file of the
 * embedded default): the sales-order lines carry the booked period prices, the invoice lines add up to
 * the invoice the customer sees, and a second run posts nothing again.
 */
class RevenueFromBookingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "demo-admin-key-for-the-bookings-revenue-test-0123";

    @TempDir
    Path dir;

    @Test
    void a_checkout_becomes_sales_order_and_invoice_lines_posted_once() throws Exception {
        Path file = dir.resolve("demo.json");
        Files.writeString(file, RevenueServerIT.withKey(ServerIT.demoFile(), KEY));
        String[] admin = RevenueServerIT.admin("demo", KEY);
        try (Server server = start(env(dir.resolve("data"), "SUITE_DEMO_TENANT", "false", "SUITE_TENANT_FILES",
                file.toString(), "SUITE_REVENUE_INTERVAL_SECONDS", "0", "SUITE_EVENTS_POLL_MILLIS", "100"))) {
            String token = JSON.readTree(post(server, "/register", """
                    {"user": {"email": "rita@example.com", "password": "Correct-Horse-Battery-9"}}""",
                    "X-Tenant", "demo").body()).path("token").asText();
            var booked = post(server, "/subscription", """
                    {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}, {"id": 3, "quantity": 1, "order_pos": 1}],
                     "account": {"is_company": false, "first_name": "Rita", "last_name": "Example",
                                 "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                                 "email": "rita@example.com", "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}}""",
                    "X-Tenant", "demo", "Authorization", "Bearer " + token);
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
            List<String> numbers = JSON.readTree(booked.body()).path("subscriptions").findValuesAsText("subscription_number");
            JsonNode invoice = JSON.readTree(get(server, "/account/invoice", "X-Tenant", "demo", "Authorization",
                    "Bearer " + token).body()).get(0);

            // the events are consumed on the server's own schedule: run the job until their lines are posted
            List<JsonNode> lines = new ArrayList<>();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (lines.stream().noneMatch(l -> l.path("kind").asText().equals("INVOICE"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                assertThat(post(server, "/admin/revenue/run", "", admin).statusCode()).isEqualTo(200);
                lines.clear();
                for (JsonNode batch : JSON.readTree(get(server, "/admin/revenue/batches", admin).body())
                        .path("batches")) {
                    JsonNode detail = JSON.readTree(get(server, "/admin/revenue/batches/" + batch.path("id").asLong(),
                            admin).body());
                    detail.path("lines").forEach(lines::add);
                }
            }

            List<JsonNode> orders = lines.stream().filter(l -> l.path("kind").asText().equals("SALES_ORDER")).toList();
            List<JsonNode> invoiced = lines.stream().filter(l -> l.path("kind").asText().equals("INVOICE")).toList();
            assertThat(orders).extracting(l -> l.path("order_number").asText()).containsAll(numbers);
            JsonNode starter = orders.stream().filter(l -> l.path("order_number").asText().equals(numbers.get(0)))
                    .findFirst().orElseThrow();
            assertThat(starter.path("suite_product").asText()).isEqualTo("1");
            assertThat(new BigDecimal(starter.path("quantity").asText())).isEqualByComparingTo("3");
            assertThat(new BigDecimal(starter.path("extended_sell_price").asText())).as("3 × 6.00 a month")
                    .isEqualByComparingTo("18.00");
            assertThat(invoiced).allMatch(l -> l.path("order_number").asText()
                    .equals(invoice.path("invoice_number").asText()));
            assertThat(invoiced.stream().map(l -> new BigDecimal(l.path("extended_sell_price").asText()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).as("the invoice's net amount")
                    .isEqualByComparingTo(invoice.path("amount_without_tax").decimalValue());
            assertThat(lines).allMatch(l -> l.path("status").asText().equals("POSTED"));

            int batches = JSON.readTree(get(server, "/admin/revenue/batches", admin).body()).path("total").asInt();
            post(server, "/admin/revenue/run", "", admin);
            assertThat(JSON.readTree(get(server, "/admin/revenue/batches", admin).body()).path("total").asInt())
                    .as("nothing posted twice").isEqualTo(batches);
        }
    }
}
