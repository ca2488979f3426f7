package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** X-Request-Id taken or generated and echoed on every answer; one log line per request. */
class RequestLogIT {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.REQUEST_LOG);
        before = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpApi.REQUEST_LOG);
        logger.detachAppender(lines);
        logger.setLevel(before);
    }

    @Test
    void echoes_a_sane_request_id_and_logs_the_request_under_it() {
        Reply reply = TestServer.tenant("acme").with("X-Request-Id", "shop-7f3a-0001").get("/product/102");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Request-Id")).contains("shop-7f3a-0001");
        ILoggingEvent line = lineOf("shop-7f3a-0001");
        assertThat(fields(line)).containsEntry("method", "GET").containsEntry("route", "/product/{id}")
                .containsEntry("status", 200).containsEntry("tenant", "acme").containsKey("duration_ms");
        assertThat(fields(line).get("duration_ms")).isInstanceOf(Long.class);
        assertThat(line.getFormattedMessage()).isEqualTo("GET /product/{id} 200 " + fields(line).get("duration_ms")
                + " ms tenant=acme");
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void generates_an_id_for_an_unusable_one_and_echoes_that() {
        String tooLong = "x".repeat(65);
        for (String sent : List.of(tooLong, "two words")) {
            Reply reply = TestServer.tenant("acme").with("X-Request-Id", sent).get("/config");
            String echoed = reply.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(echoed).isNotEqualTo(sent).matches("[0-9a-f-]{36}");
            assertThat(fields(lineOf(echoed))).containsEntry("route", "/config");
        }
        // sent twice: neither copy wins
        Reply twice = TestServer.tenant("acme").with("X-Request-Id", "one").with("X-Request-Id", "two").get("/config");
        assertThat(twice.headers().allValues("X-Request-Id")).hasSize(1).first().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void generates_a_new_id_for_every_request_without_one() {
        String first = TestServer.anonymous().get("/health").headers().firstValue("X-Request-Id").orElseThrow();
        String second = TestServer.anonymous().get("/health").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first).isNotEqualTo(second);
        assertThat(fields(lineOf(first))).containsEntry("route", "/health").containsEntry("tenant", null);
    }

    @Test
    void echoes_and_logs_errors_unknown_routes_and_unknown_tenants_too() {
        Reply unknownRoute = TestServer.tenant("acme").with("X-Request-Id", "r-404").get("/no/such/thing");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.headers().firstValue("X-Request-Id")).contains("r-404");
        assertThat(fields(lineOf("r-404"))).containsEntry("route", "unmatched").containsEntry("status", 404);

        Reply unknownTenant = TestServer.tenant("nobody").with("X-Request-Id", "r-tenant").get("/config");
        assertThat(unknownTenant.status()).isEqualTo(404);
        assertThat(unknownTenant.headers().firstValue("X-Request-Id")).contains("r-tenant");
        assertThat(fields(lineOf("r-tenant"))).containsEntry("route", "/config").containsEntry("tenant", null);

        Reply unauthorized = TestServer.tenant("acme").with("X-Request-Id", "r-401").get("/admin/billing/discrepancies");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("X-Request-Id")).contains("r-401");
        assertThat(fields(lineOf("r-401"))).containsEntry("status", 401).containsEntry("tenant", "acme");
    }

    /** The one request-log line of the request with this id (the log is written after the answer). */
    private ILoggingEvent lineOf(String requestId) {
        Predicate<ILoggingEvent> ofRequest = e -> requestId.equals(e.getMDCPropertyMap().get(HttpApi.CORRELATION_ID));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lines.list.stream().noneMatch(ofRequest) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        List<ILoggingEvent> found = List.copyOf(lines.list).stream().filter(ofRequest).toList();
        assertThat(found).as("request log lines of %s", requestId).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> fields(ILoggingEvent event) {
        Map<String, Object> fields = new java.util.HashMap<>();
        for (KeyValuePair pair : event.getKeyValuePairs()) {
            fields.put(pair.key, pair.value);
        }
        return fields;
    }
}
