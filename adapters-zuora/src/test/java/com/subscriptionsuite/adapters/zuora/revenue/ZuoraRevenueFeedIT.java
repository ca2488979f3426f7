package com.subscriptionsuite.adapters.zuora.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.Lookup;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.StageErrorKind;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.TemplateColumn;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadOutcome;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadState;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import com.subscriptionsuite.zuora.simulator.revenue.RevenueSimulator;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed against the Zuora Revenue simulator (every request checked against the revenue subset spec). */
class ZuoraRevenueFeedIT {
    static final String HEADER = "Type,Sales Order Number,Sales Order Line Number,Sales Order Line ID,Booking Date,"
            + "Customer Number,Customer Name,Item Number,Quantity,Currency,Unit List Price,Unit Sell Price,"
            + "Extended List Price,Extended Sell Price,Start Date,End Date\r\n";
    static final String ROW = "SO,S-1,1,e1:0,03-NOV-2026,A1,\"Acme, Ltd\",SUITE,5,EUR,10.00,9.50,50.00,47.50,"
            + "03-NOV-2026,02-NOV-2027\r\n";

    MutableClock clock = new MutableClock(Instant.parse("2026-11-03T10:00:00Z"));
    RevenueSimulator sim;
    ZuoraRevenueFeed feed;

    @BeforeEach
    void start() {
        sim = RevenueSimulator.start(RevenueSimulator.options().clock(clock));
        feed = feed(sim.password());
    }

    ZuoraRevenueFeed feed(String password) {
        return new ZuoraRevenueFeed(RevenueSettings.of(sim.baseUrl(), sim.user(), password, sim.role(),
                sim.clientName(), sim.template()), clock, Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        assertThat(sim.invalidRequests()).isEmpty();
        assertThat(sim.invalidResponses()).isEmpty();
        sim.close();
    }

    long authentications() {
        return sim.requests().stream().filter(r -> r.path().endsWith("/authenticate")).count();
    }

    @Test
    void reads_the_templates_mapping_with_a_token_from_the_response_header() {
        var template = feed.template().get();
        assertThat(template.dateFormat()).isEqualTo("DD-MON-YYYY");
        assertThat(template.columns()).extracting(TemplateColumn::fieldName).startsWith("TYPE", "SO_NUM", "SO_LINE_NUM");
        assertThat(template.columns().get(1).label()).isEqualTo("Sales Order Number");
        feed.template();
        assertThat(authentications()).isEqualTo(1);
    }

    @Test
    void uploads_follows_the_status_and_reads_the_staging_errors_of_its_upload() {
        sim.stageErrorForItem("SUITE", "No revenue rule");
        UploadOutcome outcome = feed.upload("suite-t1-b1-u1.csv", HEADER + ROW).get();
        long id = ((UploadOutcome.Staged) outcome).uploadId();
        assertThat(sim.uploads()).singleElement().satisfies(u -> assertThat(u.filename())
                .isEqualTo("suite-t1-b1-u1.csv"));

        UploadState state = feed.status(id).get();
        assertThat(state.phase()).isEqualTo(UploadState.Phase.LOADED);
        assertThat(state.status()).isEqualTo("Successfully Uploaded");
        var errors = feed.stageErrors(StageErrorKind.TRANSACTION).get();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.uploadId()).isEqualTo(String.valueOf(id));
            assertThat(e.orderNumber()).isEqualTo("S-1");
            assertThat(e.lineNumber()).isEqualTo("1");
            assertThat(e.message()).isEqualTo("No revenue rule");
        });
        assertThat(feed.stageErrors(StageErrorKind.EVENT).get()).isEmpty();
        assertThat(feed.find("suite-t1-b1-u1.csv").get()).isInstanceOf(Lookup.CannotTell.class);
    }

    @Test
    void an_upload_failing_as_a_whole_is_an_outcome_with_the_reason() {
        sim.refuseItem("SUITE");
        UploadOutcome outcome = feed.upload("f.csv", HEADER + ROW).get();
        assertThat(outcome).isInstanceOf(UploadOutcome.FailedAsAWhole.class);
        UploadOutcome.FailedAsAWhole failed = (UploadOutcome.FailedAsAWhole) outcome;
        assertThat(failed.message()).contains("Error loading Data into Staging Area").contains("SUITE");
        assertThat(feed.status(failed.uploadId()).get().phase()).isEqualTo(UploadState.Phase.FAILED);
        assertThat(feed.status(999_999).getLeft()).isInstanceOf(RevenueFeedFailure.Rejected.class);
    }

    @Test
    void an_expired_token_gets_a_401_renewed_once_and_the_call_repeated_once() {
        feed.template().get();
        sim.expireTokens();
        assertThat(feed.template().isRight()).isTrue();
        assertThat(authentications()).isEqualTo(2);
        assertThat(sim.requests()).extracting(RevenueSimulator.RecordedRequest::status)
                .containsExactly(200, 200, 401, 200, 200);
    }

    @Test
    void the_token_is_renewed_before_its_30_minutes_end() {
        feed.template().get();
        clock.advance(Duration.ofMinutes(27));
        feed.template().get();
        assertThat(authentications()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2)); // 29 minutes: inside the renewal margin, before the 401
        feed.template().get();
        assertThat(authentications()).isEqualTo(2);
        assertThat(sim.requests()).noneMatch(r -> r.status() == 401);
    }

    @Test
    void a_disabled_api_is_a_configuration_error_and_is_not_retried() {
        sim.apiEnabled(false);
        RevenueFeedFailure failure = feed.template().getLeft();
        assertThat(failure).isInstanceOf(RevenueFeedFailure.ApiNotEnabled.class);
        assertThat(failure.message()).contains("not enabled").contains("Zuora Revenue Support");
        assertThat(failure.passing()).isFalse();
        assertThat(sim.requests()).hasSize(1);
    }

    @Test
    void refused_credentials_are_an_authentication_failure() {
        RevenueFeedFailure failure = feed("wrong").template().getLeft();
        assertThat(failure).isInstanceOf(RevenueFeedFailure.AuthenticationFailed.class);
        assertThat(failure.message()).doesNotContain(sim.password()).doesNotContain("wrong");
    }

    @Test
    void an_unknown_template_is_a_configuration_error() {
        ZuoraRevenueFeed other = new ZuoraRevenueFeed(RevenueSettings.of(sim.baseUrl(), sim.user(), sim.password(),
                sim.role(), sim.clientName(), "No Such Template"), clock, Duration.ofMillis(1));
        assertThat(other.template().getLeft()).isInstanceOf(RevenueFeedFailure.Misconfigured.class);
    }

    @Test
    void a_refused_connection_is_unavailable_and_the_upload_known_not_received() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ZuoraRevenueFeed nowhere = new ZuoraRevenueFeed(RevenueSettings.of("http://127.0.0.1:" + closed, "u", "p",
                "r", "c", "t"), clock, Duration.ofMillis(1));
        RevenueFeedFailure failure = nowhere.upload("f.csv", HEADER).getLeft();
        assertThat(failure).isInstanceOf(RevenueFeedFailure.Unavailable.class);
        assertThat(((RevenueFeedFailure.Unavailable) failure).maybeReceived()).isFalse();
        assertThat(failure.passing()).isTrue();
    }

    @Test
    void settings_hide_the_password_and_name_every_missing_variable() {
        RevenueSettings settings = RevenueSettings.of(sim.baseUrl(), sim.user(), "s3cret", "API Role", "Default", "T");
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(feed.toString()).doesNotContain(sim.password());
        var problems = RevenueSettings.fromEnvironment(java.util.Map.of(RevenueSettings.BASE_URL, "ftp://x",
                RevenueSettings.READ_TIMEOUT_MS, "soon")).getLeft();
        assertThat(String.join("\n", problems)).contains(RevenueSettings.BASE_URL, RevenueSettings.USER,
                RevenueSettings.PASSWORD, RevenueSettings.ROLE, RevenueSettings.CLIENT_NAME, RevenueSettings.TEMPLATE,
                RevenueSettings.READ_TIMEOUT_MS);
    }
}
