package com.subscriptionsuite.adapters.zuora.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import com.subscriptionsuite.zuora.simulator.salesforce.SalesforceQuote;
import com.subscriptionsuite.zuora.simulator.salesforce.SalesforceQuote.ChargeLine;
import com.subscriptionsuite.zuora.simulator.salesforce.SalesforceSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Salesforce quote source against the loopback Salesforce simulator. */
class SalesforceQuoteSourceIT {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    private SalesforceSimulator salesforce;
    private SalesforceSettings settings;
    private SalesforceQuoteSource source;
    private String quoteId;

    @BeforeEach
    void start() {
        salesforce = SalesforceSimulator.start();
        settings = SalesforceSettings.of(salesforce.baseUrl(), salesforce.clientId(), salesforce.clientSecret())
                .withReadTimeout(Duration.ofMillis(800));
        source = source(settings);
        quoteId = salesforce.addQuote(SalesforceQuote.quote("Q-00007", TODAY.plusDays(9)).name("ACME team plan")
                .account("ACME GmbH").startDate(TODAY)
                .soldTo(SalesforceQuote.contact("Ann", "Smith", "Main St 1\nBuilding B", "Berlin", "10115", "DE",
                        "ann@example.com", "+49 30 1"))
                .billTo(SalesforceQuote.contact("Bea", "Payer", "Pay St 9", "Hamburg", "20095", "DE",
                        "pay@example.com", "+49 40 2"))
                .ratePlan("zplan12", ChargeLine.of("zcharge121", "5", "12.00"), ChargeLine.of("zcharge122", "1", "49"))
                .ratePlan("zplan11", ChargeLine.of("zcharge111", "2", "0.000001")));
    }

    private static SalesforceQuoteSource source(SalesforceSettings settings) {
        return new SalesforceQuoteSource(new SalesforceClient(settings, new SalesforceClient.Resilience(
                Duration.ofMillis(10), 100, 50f, Duration.ofSeconds(30))), settings);
    }

    @AfterEach
    void stop() {
        assertThat(salesforce.rejectedRequests()).as("every query and update the adapter sent was understood").isEmpty();
        salesforce.close();
    }

    @Test
    void reads_the_quote_with_its_contacts_rate_plans_and_charges_exactly() {
        SourceQuote quote = source.quote(1, quoteId).get();

        assertThat(quote.sourceId()).isEqualTo(quoteId);
        assertThat(quote.number()).isEqualTo("Q-00007");
        assertThat(quote.name()).isEqualTo("ACME team plan");
        assertThat(quote.companyName()).isEqualTo("ACME GmbH");
        assertThat(quote.currency()).isEqualTo("EUR");
        assertThat(quote.validUntil()).isEqualTo(TODAY.plusDays(9));
        assertThat(quote.startDate()).isEqualTo(TODAY);
        assertThat(quote.term()).isEqualTo("12");
        assertThat(quote.status()).isEqualTo(SourceQuote.Status.OPEN);
        assertThat(quote.sourceStatus()).isEqualTo("New");
        assertThat(quote.soldTo().firstName()).isEqualTo("Ann");
        assertThat(quote.soldTo().address1()).isEqualTo("Main St 1");
        assertThat(quote.soldTo().address2()).isEqualTo("Building B");
        assertThat(quote.billTo().city()).isEqualTo("Hamburg");
        assertThat(quote.billTo().workEmail()).isEqualTo("pay@example.com");
        assertThat(quote.ratePlans()).extracting(SourceQuote.RatePlan::productRatePlanId)
                .containsExactly("zplan12", "zplan11");
        assertThat(quote.ratePlans().get(0).amendmentType()).isEqualTo("NewProduct");
        SourceQuote.Charge licence = quote.ratePlans().get(0).charges().get(0);
        assertThat(licence.productRatePlanChargeId()).isEqualTo("zcharge121");
        assertThat(licence.quantity()).isEqualByComparingTo("5");
        assertThat(licence.effectivePrice()).isEqualByComparingTo("12.00");
        assertThat(quote.ratePlans().get(1).charges().get(0).effectivePrice())
                .as("no floating point on the way").isEqualTo(new BigDecimal("0.000001"));
    }

    @Test
    void an_unknown_quote_is_not_found_and_an_id_that_is_no_record_id_is_not_even_asked_for() {
        assertThat(source.quote(1, "a0Q000000000000ZZZ").getLeft()).isInstanceOf(QuoteSourceFailure.NotFound.class);
        int asked = salesforce.queries();

        assertThat(source.quote(1, "x' OR Id != '").getLeft()).isInstanceOf(QuoteSourceFailure.NotFound.class);
        assertThat(source.markAccepted(1, "../Account/1", TODAY).getLeft())
                .isInstanceOf(QuoteSourceFailure.NotFound.class);
        assertThat(salesforce.queries()).isEqualTo(asked);
        assertThat(source.markAccepted(1, "a0Q000000000000ZZZ", TODAY).getLeft())
                .isInstanceOf(QuoteSourceFailure.NotFound.class);
    }

    @Test
    void passes_the_requests_correlation_id_on() {
        org.slf4j.MDC.put(com.subscriptionsuite.adapters.zuora.ZuoraClient.CORRELATION_ID, "req-7");
        try {
            assertThat(source.quote(1, quoteId).isRight()).isTrue();
        } finally {
            org.slf4j.MDC.remove(com.subscriptionsuite.adapters.zuora.ZuoraClient.CORRELATION_ID);
        }
        assertThat(source.quote(1, quoteId).isRight()).isTrue();

        assertThat(salesforce.queryRequestIds()).contains("req-7").endsWith("");
    }

    @Test
    void marks_the_quote_accepted_idempotently() {
        assertThat(source.markAccepted(1, quoteId, TODAY).isRight()).isTrue();
        assertThat(source.markAccepted(1, quoteId, TODAY).isRight()).isTrue();

        assertThat(salesforce.quote(quoteId).status()).isEqualTo("Accepted");
        assertThat(salesforce.quote(quoteId).acceptanceDate()).isEqualTo(TODAY);
        assertThat(source.quote(1, quoteId).get().status()).isEqualTo(SourceQuote.Status.ACCEPTED);
    }

    @Test
    void a_quote_in_another_status_cannot_be_accepted() {
        salesforce.quote(quoteId);
        String rejected = salesforce.addQuote(SalesforceQuote.quote("Q-8", TODAY).status("Rejected")
                .ratePlan("zplan11", ChargeLine.of("zcharge111", "1", null)));

        SourceQuote quote = source.quote(1, rejected).get();

        assertThat(quote.status()).isEqualTo(SourceQuote.Status.CLOSED);
        assertThat(quote.sourceStatus()).isEqualTo("Rejected");
        assertThat(quote.ratePlans().get(0).charges().get(0).effectivePrice()).isNull();
    }

    @Test
    void caches_the_token_and_renews_it_once_when_salesforce_ends_the_session() {
        source.quote(1, quoteId);
        assertThat(salesforce.tokensIssued()).isEqualTo(1);
        source.quote(1, quoteId);
        assertThat(salesforce.tokensIssued()).as("cached").isEqualTo(1);

        salesforce.expireTokens();

        assertThat(source.quote(1, quoteId).isRight()).isTrue();
        assertThat(salesforce.tokensIssued()).isEqualTo(2);
    }

    @Test
    void signs_in_with_the_username_password_flow_when_a_username_is_set() {
        SalesforceQuoteSource withPassword = source(settings.withPasswordFlow(salesforce.username(),
                salesforce.password()));

        assertThat(withPassword.quote(1, quoteId).isRight()).isTrue();

        SalesforceQuoteSource wrong = source(settings.withPasswordFlow(salesforce.username(), "wrong"));
        assertThat(wrong.quote(1, quoteId).getLeft()).isInstanceOf(QuoteSourceFailure.Unavailable.class);
    }

    @Test
    void refused_credentials_are_unavailable_without_naming_the_secret() {
        SalesforceQuoteSource wrong = source(SalesforceSettings.of(salesforce.baseUrl(), salesforce.clientId(),
                "not-the-secret"));

        QuoteSourceFailure failure = wrong.quote(1, quoteId).getLeft();

        assertThat(failure).isInstanceOf(QuoteSourceFailure.Unavailable.class);
        assertThat(failure.describe()).doesNotContain("not-the-secret");
    }

    @Test
    void an_org_that_is_down_is_unavailable_and_the_next_call_after_it_is_back_succeeds() {
        salesforce.down(true);

        assertThat(source.quote(1, quoteId).getLeft()).isInstanceOf(QuoteSourceFailure.Unavailable.class);
        assertThat(source.markAccepted(1, quoteId, TODAY).getLeft()).isInstanceOf(QuoteSourceFailure.Unavailable.class);

        salesforce.down(false);
        assertThat(source.quote(1, quoteId).isRight()).isTrue();
    }

    @Test
    void an_org_that_keeps_failing_opens_the_circuit_and_is_not_called_while_it_is_open() {
        SalesforceQuoteSource fragile = new SalesforceQuoteSource(new SalesforceClient(settings,
                new SalesforceClient.Resilience(Duration.ofMillis(1), 4, 50f, Duration.ofMinutes(5))), settings);
        salesforce.down(true);
        fragile.quote(1, quoteId);
        fragile.quote(1, quoteId);
        salesforce.down(false);
        int asked = salesforce.queries() + salesforce.tokensIssued();

        QuoteSourceFailure failure = fragile.quote(1, quoteId).getLeft();

        assertThat(failure).isEqualTo(new QuoteSourceFailure.Unavailable("circuit open after repeated failures"));
        assertThat(salesforce.queries() + salesforce.tokensIssued()).isEqualTo(asked);
        assertThat(source.quote(1, quoteId).isRight()).as("another client's circuit is its own").isTrue();
    }

    @Test
    void an_answer_slower_than_the_read_timeout_is_unavailable() {
        source.quote(1, quoteId);
        salesforce.slow(Duration.ofMillis(1500));

        assertThat(source.quote(1, quoteId).getLeft()).isInstanceOf(QuoteSourceFailure.Unavailable.class);
        salesforce.slow(Duration.ZERO);
    }

    @Test
    void a_query_of_another_shape_is_refused_by_the_simulator_as_salesforce_does() {
        SalesforceClient client = new SalesforceClient(settings);

        QuoteSourceFailure failure = client.query("SELECT Id FROM Account").getLeft();
        QuoteSourceFailure field = client.query("SELECT Id, Secret__c FROM zqu__Quote__c WHERE Id = '" + quoteId + "'")
                .getLeft();

        assertThat(failure).isEqualTo(new QuoteSourceFailure.Rejected("MALFORMED_QUERY",
                "unexpected token in: SELECT Id FROM Account"));
        assertThat(((QuoteSourceFailure.Rejected) field).code()).isEqualTo("INVALID_FIELD");
        assertThat(salesforce.rejectedRequests()).hasSize(2);
        // the refusals were provoked here; the adapter's own requests are checked in every other test
        salesforceRejectionsExpected();
    }

    private void salesforceRejectionsExpected() {
        salesforce.close();
        salesforce = SalesforceSimulator.start();
    }
}
