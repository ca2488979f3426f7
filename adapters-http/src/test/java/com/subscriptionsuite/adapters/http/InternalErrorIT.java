package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.ServerBusy;
import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.domain.catalog.Product;
import io.vavr.control.Either;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Failures no request caused: a bug or an outage is 500 {@code internal_error} with a correlation id
 * and no internals; a store without a free connection in time (an exhausted pool, issue 9) is 503
 * {@code server_busy} with {@code Retry-After}, also when an adapter wrapped the refusal.
 */
class InternalErrorIT {
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static Http acme;
    private static Http busyAcme;

    /** The real engine, but a catalog that fails like an outage would, and one whose store is exhausted. */
    @BeforeAll
    static void startServersWithABrokenAndABusyCatalog() {
        acme = serverWith(tenantId -> {
            throw new IllegalStateException("catalog store unreachable: secret-host:5432");
        }, (tenantId, productId) -> {
            throw new IllegalStateException("catalog store unreachable: secret-host:5432");
        });
        busyAcme = serverWith(tenantId -> {
            throw new ServerBusy("no database connection became free in time", 2, null);
        }, (tenantId, productId) -> {
            throw new IllegalStateException("wrapped", new ServerBusy("no connection", 1, null));
        });
        LOG.start();
        ((Logger) LoggerFactory.getLogger(HttpApi.class)).addAppender(LOG);
    }

    private static Http serverWith(java.util.function.LongFunction<List<Product>> products,
            java.util.function.BiFunction<Long, Long, Either<CatalogFailure, Product>> product) {
        BrowseCatalog catalog = new BrowseCatalog() {
            @Override
            public List<Product> products(long tenantId) {
                return products.apply(tenantId);
            }

            @Override
            public Either<CatalogFailure, Product> product(long tenantId, long productId) {
                return product.apply(tenantId, productId);
            }
        };
        Engine engine = TestServer.engine();
        URI base = TestServer.start(new HttpApi(HttpApi.UseCases.from(engine).withBrowseCatalog(catalog),
                HttpSettings.defaults()));
        return new Http(base, List.of("X-Tenant", "acme"));
    }

    @AfterAll
    static void detachLog() {
        ((Logger) LoggerFactory.getLogger(HttpApi.class)).detachAppender(LOG);
    }

    @Test
    void answers_internal_error_with_a_correlation_id_and_no_internals() {
        Reply reply = acme.get("/product");

        JsonNode error = reply.error(500, "internal_error");
        String correlationId = error.path("correlation_id").asText();
        assertThat(correlationId).isNotBlank();
        assertThat(error.path("message").asText()).contains(correlationId);
        assertThat(reply.body()).doesNotContain("secret-host").doesNotContain("IllegalStateException")
                .doesNotContain("at com.");
    }

    @Test
    void logs_the_failure_under_the_same_correlation_id() {
        String correlationId = acme.get("/product/1").error(500, "internal_error").path("correlation_id").asText();

        assertThat(LOG.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(correlationId);
            assertThat(event.getThrowableProxy().getMessage()).contains("secret-host");
        });
    }

    @Test
    void quotes_the_clients_request_id_as_its_correlation_id() {
        Reply reply = acme.with("X-Request-Id", "client-req-500").get("/product");

        assertThat(reply.error(500, "internal_error").path("correlation_id").asText()).isEqualTo("client-req-500");
        assertThat(reply.headers().firstValue("X-Request-Id")).contains("client-req-500");
    }

    @Test
    void keeps_serving_the_working_use_cases() {
        assertThat(acme.get("/config").status()).isEqualTo(200);
    }

    @Test
    void answers_an_exhausted_store_with_server_busy_and_retry_after() {
        Reply reply = busyAcme.get("/product");

        assertThat(reply.error(503, "server_busy").path("message").asText()).contains("retry in 2 s");
        assertThat(reply.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void finds_server_busy_in_the_cause_chain_and_logs_it_as_a_warning_without_a_stack_trace() {
        long errorsBefore = LOG.list.stream().filter(event -> event.getLevel() == Level.ERROR).count();

        Reply reply = busyAcme.get("/product/1");

        reply.error(503, "server_busy");
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(LOG.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("server_busy").contains("/product/1");
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(LOG.list.stream().filter(event -> event.getLevel() == Level.ERROR).count()).as("no error logged")
                .isEqualTo(errorsBefore);
    }
}
