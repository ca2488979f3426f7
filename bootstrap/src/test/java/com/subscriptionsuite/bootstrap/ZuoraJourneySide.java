package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The journey's billing side on Zuora (the simulator): the customer's browser posts the signed card
 * page to Zuora's hosted page ({@code /apps/PublicHostedPageLite.do}), whose answer's {@code refId} is
 * Zuora's payment method id; Zuora's bill run ({@code POST /v1/bill-runs}, as an operator or Zuora's
 * scheduler starts it) bills the next period.
 */
final class ZuoraJourneySide implements CustomerJourney.BillingSide {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final ZuoraSimulator zuora;
    private final Clock clock;

    /** {@code clock}: the one the server and the simulator share. */
    ZuoraJourneySide(ZuoraSimulator zuora, Clock clock) {
        this.zuora = zuora;
        this.clock = clock;
    }

    @Override
    public String submitCardPage(JsonNode signed) throws Exception {
        // what Zuora's page script posts: the values the server signed and the fields the customer typed
        Map<String, String> form = Map.of("id", signed.path("id").asText(), "tenantId",
                signed.path("tenant_id").asText(), "token", signed.path("token").asText(), "signature",
                signed.path("signature").asText(), "field_creditCardNumber", "4111111111111111",
                "field_creditCardHolderName", "Ann Example", "field_creditCardExpirationMonth", "12",
                "field_creditCardExpirationYear", "2030", "field_cardSecurityCode", "737");
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl()
                        + "/apps/PublicHostedPageLite.do")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(form))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(page.body());
        assertThat(answer.path("success").asText()).as("Zuora's page: %s", page.body()).isEqualTo("true");
        return answer.path("refId").asText();
    }

    @Override
    public List<String> billRun() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(zuora.clientId()) + "&client_secret="
                + enc(zuora.clientSecret());
        HttpResponse<String> token = CLIENT.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String bearer = JSON.readTree(token.body()).path("access_token").asText();
        int before = zuora.state().billRuns().size();
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        HttpResponse<String> run = CLIENT.send(HttpRequest.newBuilder(URI.create(zuora.baseUrl() + "/v1/bill-runs"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString("{\"targetDate\": \"" + today + "\", \"autoPost\": true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(zuora.state().billRuns()).hasSize(before + 1);
        return zuora.state().billRuns().get(before).invoiceIds();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
