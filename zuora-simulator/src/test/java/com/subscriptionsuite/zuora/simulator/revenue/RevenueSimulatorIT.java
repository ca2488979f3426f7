package com.subscriptionsuite.zuora.simulator.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's protocol, spoken by hand: what the adapter's tests rely on. */
class RevenueSimulatorIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "Type,Sales Order Number,Sales Order Line Number,Sales Order Line ID,Booking Date,"
            + "Customer Number,Customer Name,Item Number,Quantity,Currency,Unit List Price,Unit Sell Price,"
            + "Extended List Price,Extended Sell Price,Start Date,End Date\r\n";
    static final String ROW = "SO,S-1,1,e1:0,03-NOV-2026,A1,\"Acme, Ltd\",SUITE,5,EUR,10.00,9.50,50.00,47.50,"
            + "03-NOV-2026,02-NOV-2027\r\n";

    RevenueSimulator sim;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = RevenueSimulator.start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString((sim.user() + ":" + sim.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(at("/api/integration/v1/authenticate").header("Authorization", "Basic " + basic)
                .header("role", sim.role()).header("clientname", sim.clientName())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("Message").asText()).isEqualTo("Token Generated");
        return r.headers().firstValue("Revpro-Token").orElseThrow();
    }

    HttpResponse<String> upload(String token, String filename, String csv) throws Exception {
        return send(at("/api/integration/v1/csv/upload").header("token", token).header("templatename", sim.template())
                .header("filename", filename).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    @Test
    void a_valid_upload_is_staged_and_its_status_and_staging_errors_are_served() throws Exception {
        String token = token();
        JsonNode mapping = JSON.readTree(send(at("/api/integration/v1/upload/mapping?templatename="
                + sim.template().replace(" ", "%20")).header("token", token).GET()).body());
        assertThat(mapping.path("Dateformat").asText()).isEqualTo("DD-MON-YYYY");
        assertThat(mapping.path("Mapping").get(1).path("col_name").asText()).isEqualTo("SO_NUM");

        sim.stageErrorForItem("SUITE", "No revenue rule for item SUITE");
        HttpResponse<String> staged = upload(token, "f1.csv", HEADER + ROW);
        assertThat(staged.statusCode()).isEqualTo(200);
        long id = JSON.readTree(staged.body()).path("result").path("id").asLong();

        JsonNode status = JSON.readTree(send(at("/api/integration/v1/csv/upload/status?id=" + id)
                .header("token", token).GET()).body());
        assertThat(status.path("result").path("status").asText()).isEqualTo("Successfully Uploaded");
        JsonNode errors = JSON.readTree(send(at("/api/integration/v1/stage/error/transaction").header("token", token)
                .GET()).body());
        assertThat(errors.path("Result").get(0).path("upload_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(errors.path("Result").get(0).path("so_line_num").asText()).isEqualTo("1");
        assertThat(send(at("/api/integration/v1/stage/error/event").header("token", token).GET()).statusCode())
                .isEqualTo(204);
        assertThat(sim.uploads()).singleElement().satisfies(u -> {
            assertThat(u.filename()).isEqualTo("f1.csv");
            assertThat(u.rows().get(0).get("CUSTOMER_NAME")).isEqualTo("Acme, Ltd");
        });
        assertThat(sim.invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
    }

    @Test
    void a_bad_date_or_a_refused_item_fails_the_whole_upload() throws Exception {
        String token = token();
        HttpResponse<String> badDate = upload(token, "f1.csv", HEADER + ROW.replace("03-NOV-2026,A1", "2026-11-03,A1"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).path("message").asText())
                .isEqualTo("Error loading Data into Staging Area");
        sim.refuseItem("SUITE");
        HttpResponse<String> refused = upload(token, "f2.csv", HEADER + ROW);
        assertThat(JSON.readTree(refused.body()).path("result").path("message").asText()).contains("SUITE");
        long id = JSON.readTree(refused.body()).path("result").path("id").asLong();
        JsonNode status = JSON.readTree(send(at("/api/integration/v1/csv/upload/status?id=" + id)
                .header("token", token).GET()).body());
        assertThat(status.path("result").path("status").asText()).isEqualTo("Failed");
        assertThat(sim.uploads()).extracting(RevenueSimulator.Upload::status).containsOnly("Failed");
        assertThat(sim.invalidRequests()).isEmpty();
    }

    @Test
    void an_expired_token_is_401_and_a_disabled_api_is_405() throws Exception {
        String token = token();
        sim.expireTokens();
        assertThat(send(at("/api/integration/v1/stage/error/event").header("token", token).GET()).statusCode())
                .isEqualTo(401);
        sim.apiEnabled(false);
        assertThat(send(at("/api/integration/v1/stage/error/event").header("token", token).GET()).statusCode())
                .isEqualTo(405);
    }

    @Test
    void a_request_that_breaks_the_document_is_recorded() throws Exception {
        String token = token();
        HttpResponse<String> r = send(at("/api/integration/v1/csv/upload").header("token", token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(HEADER)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(send(at("/api/integration/v1/stage/error/other").header("token", token).GET()).statusCode())
                .isEqualTo(400);
        assertThat(sim.invalidRequests()).hasSize(2);
        assertThat(sim.invalidRequests().get(0).messages().toString()).contains("templatename");
    }
}
