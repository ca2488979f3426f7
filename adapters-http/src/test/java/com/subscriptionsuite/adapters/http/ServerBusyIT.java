package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
 * A use case whose store has no free connection in time (an exhausted pool, issue 9) is answered
 * 503 {@code server_busy} with {@code Retry-After}, not 500 {@code internal_error}; also when an
 * adapter wrapped the refusal.
 */
class ServerBusyIT {
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static Http acme;

    @BeforeAll
    static void startServerWithAnExhaustedCatalogStore() {
        Engine engine = TestServer.engine();
        BrowseCatalog busy = new BrowseCatalog() {
            @Override
            public List<Product> products(long tenantId) {
                throw new ServerBusy("no database connection became free in time", 2, null);
            }

            @Override
            public Either<CatalogFailure, Product> product(long tenantId, long productId) {
                throw new IllegalStateException("wrapped", new ServerBusy("no connection", 1, null));
            }
        };
        URI base = TestServer.start(new HttpApi(HttpApi.UseCases.from(engine).withBrowseCatalog(busy),
                HttpSettings.defaults()));
        acme = new Http(base, List.of("X-Tenant", "acme"));
        LOG.start();
        ((Logger) LoggerFactory.getLogger(HttpApi.class)).addAppender(LOG);
    }

    @AfterAll
    static void detachLog() {
        ((Logger) LoggerFactory.getLogger(HttpApi.class)).detachAppender(LOG);
    }

    @Test
    void answers_server_busy_with_retry_after() {
        Reply reply = acme.get("/product");

        assertThat(reply.error(503, "server_busy").path("message").asText()).contains("retry in 2 s");
        assertThat(reply.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void finds_the_refusal_in_the_cause_chain_and_logs_it_as_a_warning_without_a_stack_trace() {
        Reply reply = acme.get("/product/1");

        reply.error(503, "server_busy");
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(LOG.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("server_busy").contains("/product/1");
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(LOG.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }
}
