package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.fixtures.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The whole customer journey of issue 5 through HTTP on the running server with the demo tenant,
 * on whichever database the server was started with: register, preview with a voucher, hold the
 * voucher, pay by card through the hosted page, subscribe (with an Idempotency-Key retried), read
 * subscriptions and invoices, fetch the invoice PDF, then on a later day a quantity change, an
 * upgrade, a downgrade at period end and a cancel with notice, and finally the bill run of the next
 * period, and a second customer's first order paid by bank transfer. Every amount is computed by hand
 * in the comments (German consumer, 19 %).
 */
final class CustomerJourney {
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    /** Ten days later: 20 of the 30 days of the period 2026-11-21..2026-12-21 remain (0.666666667). */
    static final Instant TEN_DAYS_LATER = Instant.parse("2026-12-01T09:00:00Z");
    static final Instant NEXT_PERIOD = Instant.parse("2026-12-21T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String ACCOUNT = """
            {"is_company": false, "first_name": "Ann", "last_name": "Example", "street": "Invalidenstr. 1",
             "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "ann@example.com",
             "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}""";
    /** Starter (monthly, 6.00 per user) for 3 users and Professional (annual, 120.00) for 1 user. */
    private static final String CART = """
            [{"id": 1, "quantity": 3, "order_pos": 0}, {"id": 3, "quantity": 1, "order_pos": 1}]""";

    private final Server server;
    private final MutableClock clock;
    private final BillingSide billing;
    /** Whether the built-in ledger bills (it renders the invoice PDFs itself). */
    private final boolean ledger;

    /**
     * What the journey leaves to the billing system behind the server, the only steps that differ
     * between the built-in ledger and Zuora: where the customer's browser posts the signed card page,
     * and who runs the bill run of the next period.
     */
    interface BillingSide {
        /** Posts the card page the server signed ({@code signed}: its answer) as the browser would: the refId. */
        String submitCardPage(JsonNode signed) throws Exception;

        /** The billing system's bill run of today: the invoices it raised. */
        List<String> billRun() throws Exception;
    }

    /** The built-in ledger: the page posts to this server, the engine runs the bill run. */
    CustomerJourney(Server server, MutableClock clock) {
        this(server, clock, null);
    }

    CustomerJourney(Server server, MutableClock clock, BillingSide billing) {
        this.server = server;
        this.clock = clock;
        this.ledger = billing == null;
        this.billing = billing != null ? billing : new BillingSide() {
            @Override
            public String submitCardPage(JsonNode signed) throws Exception {
                String form = """
                        {"token": "%s", "signature": "%s", "credit_card_number": "4111111111111111",
                         "credit_card_holder_name": "Ann Example", "credit_card_expiration_month": 12,
                         "credit_card_expiration_year": 2030, "credit_card_security_code": "737"}"""
                        .formatted(signed.path("token").asText(), signed.path("signature").asText());
                return ok(call("POST", "/payment-page/" + signed.path("id").asText() + "/submit", null, form))
                        .path("refId").asText();
            }

            @Override
            public List<String> billRun() {
                return server.engine().runBilling().bill(1).invoiceIds();
            }
        };
    }

    void run() throws Exception {
        String ann = token(call("POST", "/register", null, """
                {"user": {"email": "ann@example.com", "password": "%s"}}""".formatted(PASSWORD), Map.of()));
        String bob = token(call("POST", "/register", null, """
                {"user": {"email": "bob@example.com", "password": "%s"}}""".formatted(PASSWORD), Map.of()));

        // Preview with WELCOME10 (10 % off every recurring charge):
        //   Starter 3 × 6.00 = 18.00 − 1.80 = 16.20, tax 3.078 → 3.08, brutto 19.28
        //   Professional annual 120.00 − 12.00 = 108.00, tax 20.52, brutto 128.52
        HttpResponse<String> preview = call("POST", "/subscription/preview", ann, """
                {"account": %s, "suite_products": %s, "voucher_code": "WELCOME10"}""".formatted(ACCOUNT, CART));
        ok(preview);
        assertThat(preview.body()).contains("\"netto\":16.20,\"tax\":3.08,\"brutto\":19.28")
                .contains("\"netto\":108.00,\"tax\":20.52,\"brutto\":128.52");

        ok(call("POST", "/voucher-code/WELCOME10/init", ann, "{}"));
        String card = card(ann);

        String checkout = """
                {"suite_products": %s, "account": %s, "payment_method": {"id": "%s", "type": "CreditCard", "data": {}},
                 "voucher_code": "WELCOME10"}""".formatted(CART, ACCOUNT, card);
        JsonNode subscribed = ok(call("POST", "/subscription", ann, checkout, Map.of("Idempotency-Key", "order-1")));
        HttpResponse<String> retried = call("POST", "/subscription", ann, checkout, Map.of("Idempotency-Key", "order-1"));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(retried.body())).isEqualTo(subscribed);
        assertThat(subscribed.path("ids").size()).isEqualTo(2);
        String starter = subscribed.path("subscriptions").get(0).path("uuid").asText();
        String annual = subscribed.path("subscriptions").get(1).path("uuid").asText();

        // one invoice for the checkout: 16.20 + 108.00 = 124.20 netto, 3.08 + 20.52 = 23.60 tax, 147.80
        JsonNode invoices = ok(call("GET", "/account/invoice", ann, null));
        assertThat(invoices.size()).isEqualTo(1);
        assertAmounts(invoices.get(0), "124.20", "23.60", "147.80");
        String firstInvoice = invoices.get(0).path("id").asText();
        assertThat(invoices.get(0).path("invoice_date").asText()).isEqualTo("2026-11-21");
        assertThat(invoices.get(0).path("due_date").asText()).isEqualTo("2026-12-05");

        String pdfText = pdfText(ann, firstInvoice);
        assertThat(pdfText).contains(invoices.get(0).path("invoice_number").asText())
                .containsAnyOf("147.80", "147,80")
                .contains("Ann Example").contains("Cloud Office Demo GmbH").contains("DE136695976");
        if (ledger) {
            // the built-in ledger's invoice to a customer in Germany: German, with the seller's address of the tenant file
            assertThat(pdfText).contains("Rechnung", "Summe brutto 147,80 EUR", "Friedrichstraße 123", "10117 Berlin");
        }

        JsonNode subscriptions = ok(call("GET", "/account/subscription", ann, null));
        assertThat(subscriptions.size()).isEqualTo(2);
        JsonNode starterView = byUuid(subscriptions, starter);
        assertThat(starterView.path("quantity").asLong()).isEqualTo(3);
        assertThat(starterView.path("subscription").path("status").asText()).isEqualTo("Active");
        assertThat(starterView.path("subscription").path("term_end_date").asText()).isEqualTo("2026-12-21");
        assertThat(starterView.path("subscription").path("contracted_mrr").decimalValue()).as(starterView.toString())
                .isEqualByComparingTo("16.20");
        JsonNode annualView = byUuid(subscriptions, annual);
        // 108.00 a year is 9.00 a month
        assertThat(annualView.path("subscription").path("contracted_mrr").decimalValue()).isEqualByComparingTo("9.00");
        // one entry per rate plan: each suite product's own and the voucher's discount plan
        assertThat(ok(call("GET", "/account/rate-plan", ann, null)).size()).isEqualTo(4);

        // someone else's token and ids: nothing is found, nothing changes
        assertThat(call("GET", "/account/invoice/" + firstInvoice, bob, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/product/" + starter + "/preview/cancel", bob, null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/product/" + starter + "/quantity/5", bob, null).statusCode()).isEqualTo(404);
        assertThat(ok(call("GET", "/account/invoice", bob, null)).size()).as("bob has no invoices").isZero();

        moveTo(TEN_DAYS_LATER);
        // a customer session lasts 7 days: Ann signs in again
        assertThat(call("GET", "/account", ann, null).statusCode()).isEqualTo(401);
        ann = logIn("ann@example.com");

        // Quantity 3 → 5 at once (quantity_upgrade_mode 0), factor 20/30 = 0.666666667:
        //   credit −16.20 × f = −10.80 (tax −2.052 → −2.05); charge 5 × 6.00 − 10 % = 27.00 × f = 18.00 (tax 3.42)
        //   total 7.20 + 1.37 = 8.57
        JsonNode quantityPreview = ok(call("GET", "/product/" + starter + "/preview/change-quantity/5", ann, null));
        assertTotal(quantityPreview, "7.20", "1.37", "8.57");
        JsonNode quantityBooked = ok(call("PUT", "/product/" + starter + "/quantity/5", ann, null));
        assertThat(quantityBooked.path("preview")).isEqualTo(quantityPreview.path("preview"));
        assertThat(quantityBooked.path("booking").path("invoice_id").asText()).isNotEmpty();

        // Upgrade Starter → Professional (change option 1, upgrade_mode 0), the voucher stays behind:
        //   credit −27.00 × f = −18.00 (tax −3.42); charge 5 × 12.00 = 60.00 × f = 40.00 (tax 7.60)
        //   total 22.00 + 4.18 = 26.18
        JsonNode upgradePreview = ok(call("GET", "/product/" + starter + "/preview/replace/1", ann, null));
        assertTotal(upgradePreview, "22.00", "4.18", "26.18");
        JsonNode upgraded = ok(call("PUT", "/product/" + starter + "/replace/1", ann, null));
        assertThat(upgraded.path("preview")).isEqualTo(upgradePreview.path("preview"));

        // Downgrade Professional → Starter at the period end (change option 2, downgrade_mode 1):
        //   nothing invoiced now; from 2026-12-21 5 × 6.00 = 30.00 + 5.70 = 35.70 a month
        JsonNode downgraded = ok(call("PUT", "/product/" + starter + "/replace/2", ann, null));
        assertThat(downgraded.path("preview").path("effective_date").asText()).isEqualTo("2026-12-21");
        assertTotal(downgraded, "0.00", "0.00", "0.00");
        assertAmounts(downgraded.path("preview").path("new_period_price"), "30.00", "5.70", "35.70");
        assertThat(downgraded.path("booking").path("invoice_id").isNull()
                || downgraded.path("booking").path("invoice_id").isMissingNode()).isTrue();
        // one change at a time: the booked downgrade must take effect first
        assertThat(call("PUT", "/product/" + starter + "/quantity/6", ann, null).statusCode()).isEqualTo(409);

        // Cancel the annual plan with notice: 30 days' notice ends 2026-12-31, cancel_mode 2 (end of
        // term) makes it the end of the 12-month term, 2027-11-21
        JsonNode cancelPreview = ok(call("GET", "/product/" + annual + "/preview/cancel", ann, null));
        assertThat(cancelPreview.path("preview").path("notice_end").asText()).isEqualTo("2026-12-31");
        assertThat(cancelPreview.path("preview").path("effective_date").asText()).isEqualTo("2027-11-21");
        JsonNode cancelled = ok(call("PUT", "/product/" + annual + "/cancel", ann, null));
        assertThat(cancelled.path("preview").path("effective_date").asText()).isEqualTo("2027-11-21");
        assertThat(call("PUT", "/product/" + annual + "/cancel", ann, null).statusCode()).isEqualTo(409);

        // Ann changes her mind (issue 15): the booked cancel is withdrawn before it takes effect. Someone
        // else's token finds nothing; the preview shows the plan going on at 108.00 + 20.52 = 128.52 a year
        bob = logIn("bob@example.com");
        assertThat(call("GET", "/product/" + annual + "/preview/pending-change", bob, null).statusCode())
                .isEqualTo(404);
        assertThat(call("DELETE", "/product/" + annual + "/pending-change", bob, null,
                Map.of("Idempotency-Key", "undo-1")).statusCode()).isEqualTo(404);
        JsonNode withdrawPreview = ok(call("GET", "/product/" + annual + "/preview/pending-change", ann, null));
        assertThat(withdrawPreview.path("pending_change").path("kind").asText()).isEqualTo("cancel");
        assertThat(withdrawPreview.path("pending_change").path("effective_date").asText()).isEqualTo("2027-11-21");
        assertThat(withdrawPreview.path("after_withdrawal").path("next_billing_date").asText())
                .isEqualTo("2027-11-21");
        assertAmounts(withdrawPreview.path("after_withdrawal").path("next_invoice"), "108.00", "20.52", "128.52");
        HttpResponse<String> withdrawal = call("DELETE", "/product/" + annual + "/pending-change", ann, null,
                Map.of("Idempotency-Key", "undo-1"));
        JsonNode withdrawn = ok(withdrawal);
        assertThat(withdrawn.path("withdrawal").path("withdrawal_id").asText()).isNotEmpty();
        JsonNode withoutBooking = withdrawn.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutBooking).remove("withdrawal");
        assertThat(withoutBooking).as("the withdrawal is the preview").isEqualTo(withdrawPreview);
        HttpResponse<String> repeated = call("DELETE", "/product/" + annual + "/pending-change", ann, null,
                Map.of("Idempotency-Key", "undo-1"));
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(repeated.body())).isEqualTo(withdrawn);
        HttpResponse<String> unkeyed = call("DELETE", "/product/" + annual + "/pending-change", ann, null);
        assertThat(unkeyed.statusCode()).isEqualTo(404);
        assertThat(unkeyed.body()).contains("pending_change_not_found");
        assertThat(byUuid(ok(call("GET", "/account/subscription", ann, null)), annual).path("subscription")
                .path("status").asText()).isEqualTo("Active");
        // and books the cancel again, which the rest of the journey keeps
        assertThat(ok(call("PUT", "/product/" + annual + "/cancel", ann, null)).path("preview")
                .path("effective_date").asText()).isEqualTo("2027-11-21");

        // the invoices of the two immediate changes: 8.57 and 26.18
        JsonNode afterChanges = ok(call("GET", "/account/invoice", ann, null));
        assertThat(afterChanges.size()).isEqualTo(3);
        assertThat(bruttos(afterChanges)).containsExactlyInAnyOrder("147.80", "8.57", "26.18");

        JsonNode later = byUuid(ok(call("GET", "/account/subscription", ann, null)), starter);
        assertThat(later.path("id").asLong()).as("Professional until the period end").isEqualTo(2);
        assertThat(later.path("quantity").asLong()).isEqualTo(5);
        assertThat(later.path("subscription").path("latest_rate_plans").toString()).contains("\"2026-12-21\"");

        // The next period: the bill run invoices Starter for 5 users, 30.00 + 5.70 = 35.70; the annual
        // plan is paid up to 2027-11-21
        moveTo(NEXT_PERIOD);
        ann = logIn("ann@example.com");
        assertThat(billing.billRun()).hasSize(1);
        JsonNode billed = ok(call("GET", "/account/invoice", ann, null));
        assertThat(billed.size()).isEqualTo(4);
        assertThat(bruttos(billed)).contains("35.70");
        assertThat(billing.billRun()).as("the same day again").isEmpty();
        JsonNode nowStarter = byUuid(ok(call("GET", "/account/subscription", ann, null)), starter);
        assertThat(nowStarter.path("id").asLong()).isEqualTo(1);

        payByBankTransfer();
    }

    /**
     * A first order paid by bank transfer: the checkout creates the method from the body, in its unit
     * of work on the database, and makes it the new account's; an unmasked number books nothing.
     */
    private void payByBankTransfer() throws Exception {
        String dora = token(call("POST", "/register", null, """
                {"user": {"email": "dora@example.com", "password": "%s"}}""".formatted(PASSWORD), Map.of()));
        String order = """
                {"suite_products": [{"id": 1, "quantity": 1, "order_pos": 0}], "account": %s,
                 "payment_method": {"type": "BankTransfer", "data": {"bank_transfer_account_number_mask": "%s"}}}""";

        HttpResponse<String> unmasked = call("POST", "/subscription", dora,
                order.formatted(ACCOUNT, "DE89370400440532013000"));
        assertThat(unmasked.statusCode()).isEqualTo(400);
        assertThat(unmasked.body()).contains("payment_data_invalid").doesNotContain("0532013000");
        assertThat(call("GET", "/account", dora, null).statusCode()).isEqualTo(404);

        ok(call("POST", "/subscription", dora, order.formatted(ACCOUNT, "******************3000")));
        JsonNode method = ok(call("GET", "/account/payment-method", dora, null));
        assertThat(method.path("type").asText()).isEqualTo("BankTransfer");
        assertThat(method.path("data").path("bank_transfer_account_number_mask").asText())
                .isEqualTo("******************3000");
        assertThat(ok(call("GET", "/payment-method/" + method.path("id").asText(), dora, null))
                .path("data").path("token").isNull()).isTrue();
    }

    /** Only the first step: a customer subscribes to the cart (no voucher) and pays by card. */
    void subscribe() throws Exception {
        String carl = token(call("POST", "/register", null, """
                {"user": {"email": "carl@example.com", "password": "%s"}}""".formatted(PASSWORD), Map.of()));
        ok(call("POST", "/subscription", carl, """
                {"suite_products": %s, "account": %s, "payment_method": {"id": "%s", "type": "CreditCard", "data": {}}}"""
                .formatted(CART, ACCOUNT, card(carl))));
    }

    private String logIn(String email) throws Exception {
        return token(call("POST", "/login", null, """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD), Map.of()));
    }

    private void moveTo(Instant instant) {
        clock.advance(java.time.Duration.between(clock.instant(), instant));
    }

    /** The invoices' gross amounts, each with two decimals ("147.80"). */
    private static List<String> bruttos(JsonNode invoices) {
        List<String> out = new ArrayList<>();
        invoices.forEach(i -> out.add(i.path("amount").decimalValue().setScale(2).toPlainString()));
        return out;
    }

    private static void assertAmounts(JsonNode invoiceOrSplit, String netto, String tax, String brutto) {
        if (invoiceOrSplit.has("amount_without_tax")) {
            assertThat(invoiceOrSplit.path("amount_without_tax").decimalValue()).isEqualByComparingTo(netto);
            assertThat(invoiceOrSplit.path("tax_amount").decimalValue()).isEqualByComparingTo(tax);
            assertThat(invoiceOrSplit.path("amount").decimalValue()).isEqualByComparingTo(brutto);
        } else {
            assertThat(invoiceOrSplit.path("netto").decimalValue()).as(invoiceOrSplit.toString())
                    .isEqualByComparingTo(netto);
            assertThat(invoiceOrSplit.path("tax").decimalValue()).isEqualByComparingTo(tax);
            assertThat(invoiceOrSplit.path("brutto").decimalValue()).isEqualByComparingTo(brutto);
        }
    }

    private static void assertTotal(JsonNode product, String netto, String tax, String brutto) {
        assertAmounts(product.path("preview").path("total"), netto, tax, brutto);
    }

    private static JsonNode byUuid(JsonNode subscriptions, String uuid) {
        for (JsonNode s : subscriptions) {
            if (s.path("uuid").asText().equals(uuid)) {
                return s;
            }
        }
        throw new AssertionError("no subscription " + uuid + " in " + subscriptions);
    }

    /** Signs the demo's card page for the customer and submits a Visa test card: the new method's id. */
    private String card(String token) throws Exception {
        return billing.submitCardPage(ok(call("GET", "/payment-method/1/signature?locale=de", token, null)));
    }

    private String pdfText(String token, String invoiceId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/account/invoice/" + invoiceId))
                .header("Authorization", "Bearer " + token).header("Accept", "application/pdf").GET().build();
        HttpResponse<byte[]> pdf = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    static String token(HttpResponse<String> response) throws IOException {
        return ok(response).path("token").asText();
    }

    static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return call(method, path, token, body, Map.of());
    }

    private HttpResponse<String> call(String method, String path, String token, String body,
            Map<String, String> headers) throws Exception {
        return send("http://127.0.0.1:" + server.port(), method, path, token, body, headers);
    }

    /** One call to the server at {@code base}: JSON {@code body} (or none), bearer {@code token} (or none). */
    static HttpResponse<String> send(String base, String method, String path, String token, String body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
