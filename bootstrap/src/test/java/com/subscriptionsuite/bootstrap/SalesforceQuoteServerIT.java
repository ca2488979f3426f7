package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.QuoteHarness.ADMIN_KEY;
import static com.subscriptionsuite.bootstrap.QuoteHarness.call;
import static com.subscriptionsuite.bootstrap.QuoteHarness.json;
import static com.subscriptionsuite.bootstrap.QuoteHarness.statusAndCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import com.subscriptionsuite.zuora.simulator.salesforce.SalesforceQuote;
import com.subscriptionsuite.zuora.simulator.salesforce.SalesforceQuote.ChargeLine;
import com.subscriptionsuite.zuora.simulator.salesforce.SalesforceSimulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotes over HTTP on the standalone server with Salesforce as the source ({@code SUITE_QUOTES=salesforce})
 * against the loopback Salesforce simulator: link, read, confirm, Salesforce down (503, then success),
 * a mark that fails and is finished later, a quote in a state that cannot be accepted, the settings;
 * and once with Zuora as the billing system.
 */
class SalesforceQuoteServerIT {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    @TempDir
    Path dir;

    private SalesforceSimulator salesforce;

    @BeforeEach
    void startSalesforce() {
        salesforce = SalesforceSimulator.start();
    }

    @AfterEach
    void stopSalesforce() {
        assertThat(salesforce.rejectedRequests()).as("every request the engine sent Salesforce was understood")
                .isEmpty();
        salesforce.close();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = ServerHarness.env(dir.resolve("db"), "SUITE_BILLING_RUN_MINUTES", "0",
                "SUITE_QUOTES", "salesforce", "SUITE_SALESFORCE_LOGIN_URL", salesforce.baseUrl(),
                "SUITE_SALESFORCE_CLIENT_ID", salesforce.clientId(),
                "SUITE_SALESFORCE_CLIENT_SECRET", salesforce.clientSecret(),
                "SUITE_SALESFORCE_READ_TIMEOUT_MS", "3000", "SUITE_SALESFORCE_RETRY_ATTEMPTS", "1");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private String salesforceQuote(String status, LocalDate validUntil) {
        return salesforce.addQuote(SalesforceQuote.quote("Q-00099", validUntil).name("ACME via sales")
                .status(status).account("ACME GmbH").startDate(TODAY)
                .soldTo(SalesforceQuote.contact("Ann", "Smith", "Invalidenstr. 1", "Berlin", "10115", "DE",
                        "ann@example.com", "+49 30 123456"))
                .billTo(SalesforceQuote.contact("Ann", "Smith", "Invalidenstr. 1", "Berlin", "10115", "DE",
                        "ann@example.com", "+49 30 123456"))
                .ratePlan("zplan12", ChargeLine.of("zcharge121", "7", "12.0"), ChargeLine.of("zcharge122", "1", "49.0")));
    }

    private static String link(Server server, String sourceId) {
        return QuoteHarness.publish(server, "{\"source_id\": \"" + sourceId + "\"}");
    }

    @Test
    void reads_and_confirms_a_salesforce_quote_and_marks_it_accepted_there() {
        String id = salesforceQuote("New", TODAY.plusDays(30));
        try (Server server = ServerHarness.start(env())) {
            QuoteHarness.demoWithZuoraIds(server);
            String guid = link(server, id);

            JsonNode quote = json(call(server, "GET", "/quote/" + guid, null, null));
            assertThat(quote.path("quote_number").asText()).isEqualTo("Q-00099");
            assertThat(quote.path("sold_to_contact").path("address1").asText()).isEqualTo("Invalidenstr. 1");
            assertThat(quote.path("rate_plans").get(0).path("suite_product_id").asLong()).isEqualTo(2);

            String ann = QuoteHarness.customer(server, "demo", "ann@example.com");
            HttpResponse<String> confirmed = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(salesforce.quote(id).status()).isEqualTo("Accepted");
            assertThat(salesforce.quote(id).acceptanceDate()).isEqualTo(TODAY);
            JsonNode subscriptions = json(call(server, "GET", "/account/subscription", ann, null));
            assertThat(subscriptions).hasSize(1);
            assertThat(subscriptions.get(0).path("quantity").asLong()).isEqualTo(7);

            HttpResponse<String> again = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);
            assertThat(json(again).path("ids")).isEqualTo(json(confirmed).path("ids"));
            String bob = QuoteHarness.customer(server, "demo", "bob@example.com");
            assertThat(statusAndCode(call(server, "POST", "/quote/" + guid + "/confirm", bob, null)))
                    .isEqualTo("409 quote_already_accepted");
        }
    }

    @Test
    void salesforce_down_is_503_with_nothing_booked_and_the_confirmation_succeeds_once_it_is_back() {
        String id = salesforceQuote("New", TODAY.plusDays(30));
        try (Server server = ServerHarness.start(env())) {
            QuoteHarness.demoWithZuoraIds(server);
            String guid = link(server, id);
            String ann = QuoteHarness.customer(server, "demo", "ann@example.com");
            salesforce.down(true);

            HttpResponse<String> down = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);

            assertThat(statusAndCode(down)).isEqualTo("503 quote_source_unavailable");
            assertThat(down.headers().firstValue("Retry-After")).contains("2");
            assertThat(statusAndCode(call(server, "GET", "/quote/" + guid, null, null)))
                    .isEqualTo("503 quote_source_unavailable");
            assertThat(statusAndCode(call(server, "GET", "/account", ann, null))).as("nothing booked")
                    .isEqualTo("404 account_not_found");

            salesforce.down(false);
            HttpResponse<String> back = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            assertThat(salesforce.quote(id).status()).isEqualTo("Accepted");
        }
    }

    @Test
    void a_mark_that_fails_after_the_booking_keeps_the_booking_and_is_finished_by_the_job_or_the_next_confirmation() {
        String first = salesforceQuote("New", TODAY.plusDays(30));
        String second = salesforceQuote("Sent", TODAY.plusDays(30));
        try (Server server = ServerHarness.start(env())) {
            QuoteHarness.demoWithZuoraIds(server);
            String guidOne = link(server, first);
            String guidTwo = link(server, second);
            String ann = QuoteHarness.customer(server, "demo", "ann@example.com");
            String bob = QuoteHarness.customer(server, "demo", "bob@example.com");
            salesforce.updatesDown(true);

            HttpResponse<String> booked = call(server, "POST", "/quote/" + guidOne + "/confirm", ann, null);
            HttpResponse<String> bookedToo = call(server, "POST", "/quote/" + guidTwo + "/confirm", bob, null);

            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(200);
            assertThat(bookedToo.statusCode()).as(bookedToo.body()).isEqualTo(200);
            assertThat(salesforce.quote(first).status()).as("not marked yet").isEqualTo("New");
            assertThat(json(call(server, "GET", "/quote/" + guidOne, null, null)).path("accepted").asBoolean())
                    .as("accepted in the engine").isTrue();

            salesforce.updatesDown(false);
            HttpResponse<String> repeat = call(server, "POST", "/quote/" + guidOne + "/confirm", ann, null);
            assertThat(json(repeat).path("ids")).isEqualTo(json(booked).path("ids"));
            assertThat(salesforce.quote(first).status()).as("marked by the repeat").isEqualTo("Accepted");
            assertThat(server.engine().quotes().orElseThrow().markAcceptedQuotes().markPending())
                    .as("the job marks the other").isEqualTo(1);
            assertThat(salesforce.quote(second).status()).isEqualTo("Accepted");
            assertThat(server.engine().quotes().orElseThrow().markAcceptedQuotes().markPending()).isZero();
        }
    }

    @Test
    void a_quote_in_a_state_that_cannot_be_accepted_or_expired_or_accepted_at_the_source_is_refused() {
        String rejected = salesforceQuote("Rejected", TODAY.plusDays(30));
        String expired = salesforceQuote("New", TODAY.minusDays(1));
        String accepted = salesforceQuote("Sent to Z-Billing", TODAY.plusDays(30));
        try (Server server = ServerHarness.start(env())) {
            QuoteHarness.demoWithZuoraIds(server);
            String ann = QuoteHarness.customer(server, "demo", "ann@example.com");

            assertThat(statusAndCode(call(server, "POST", "/quote/" + link(server, rejected) + "/confirm", ann, null)))
                    .isEqualTo("409 quote_not_acceptable");
            assertThat(statusAndCode(call(server, "POST", "/quote/" + link(server, expired) + "/confirm", ann, null)))
                    .isEqualTo("409 quote_expired");
            assertThat(statusAndCode(call(server, "POST", "/quote/" + link(server, accepted) + "/confirm", ann, null)))
                    .isEqualTo("409 quote_already_accepted");
            assertThat(statusAndCode(call(server, "POST", "/admin/quote", ADMIN_KEY,
                    "{\"source_id\": \"a0Q000000000000ZZZ\"}"))).isEqualTo("400 quote_invalid");
            assertThat(statusAndCode(call(server, "POST", "/admin/quote", ADMIN_KEY,
                    QuoteHarness.professionalQuote("2026-12-31", "zplan12")))).isEqualTo("409 quote_source_read_only");
            assertThat(statusAndCode(call(server, "GET", "/account", ann, null))).isEqualTo("404 account_not_found");
        }
    }

    @Test
    void a_missing_or_malformed_salesforce_setting_stops_the_start_naming_it_without_its_secret() {
        Map<String, String> env = env("SUITE_SALESFORCE_CLIENT_ID", "", "SUITE_SALESFORCE_READ_TIMEOUT_MS", "soon",
                "SUITE_SALESFORCE_CLIENT_SECRET", "very-secret-value");

        assertThatThrownBy(() -> ServerConfig.fromEnvironment(env))
                .isInstanceOf(ServerConfig.InvalidConfiguration.class)
                .hasMessageContaining("SUITE_SALESFORCE_CLIENT_ID")
                .hasMessageContaining("SUITE_SALESFORCE_READ_TIMEOUT_MS")
                .hasMessageNotContaining("very-secret-value");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(env("SUITE_QUOTES", "crm")))
                .hasMessageContaining("SUITE_QUOTES");
        assertThat(ServerConfig.fromEnvironment(env()).toString()).doesNotContain(salesforce.clientSecret());
    }

    @Test
    void confirms_a_salesforce_quote_into_zuora_as_the_billing_system() {
        String id = salesforceQuote("New", TODAY.plusDays(30));
        ZuoraSimulator zuora = ZuoraHarness.simulator();
        try (Server server = ServerHarness.start(ZuoraHarness.env(dir.resolve("zdb"), zuora, "SUITE_QUOTES",
                "salesforce", "SUITE_SALESFORCE_LOGIN_URL", salesforce.baseUrl(),
                "SUITE_SALESFORCE_CLIENT_ID", salesforce.clientId(),
                "SUITE_SALESFORCE_CLIENT_SECRET", salesforce.clientSecret(), "SUITE_CATALOG_SYNC_MINUTES", "0"))) {
            QuoteHarness.define(server, ZuoraHarness.demoShop(server, zuora));
            String guid = link(server, id);
            String ann = QuoteHarness.customer(server, "demo", "ann@example.com");

            HttpResponse<String> confirmed = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);
            HttpResponse<String> again = call(server, "POST", "/quote/" + guid + "/confirm", ann, null);

            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(json(again).path("ids")).isEqualTo(json(confirmed).path("ids"));
            JsonNode subscriptions = json(call(server, "GET", "/account/subscription", ann, null));
            assertThat(subscriptions).as("booked in Zuora, once").hasSize(1);
            assertThat(subscriptions.get(0).path("quantity").asLong()).isEqualTo(7);
            assertThat(salesforce.quote(id).status()).isEqualTo("Accepted");
        } finally {
            ZuoraHarness.closeCheckingRequests(zuora);
        }
    }
}
