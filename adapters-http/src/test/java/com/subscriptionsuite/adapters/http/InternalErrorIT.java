package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.Engine;
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

class InternalErrorIT {
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static Http acme;

    /** The real engine, but a catalog that fails like an outage would. */
    @BeforeAll
    static void startServerWithABrokenCatalog() {
        Engine engine = TestServer.engine();
        BrowseCatalog broken = new BrowseCatalog() {
            @Override
            public List<Product> products(long tenantId) {
                throw new IllegalStateException("catalog store unreachable: secret-host:5432");
            }

            @Override
            public Either<CatalogFailure, Product> product(long tenantId, long productId) {
                throw new IllegalStateException("catalog store unreachable: secret-host:5432");
            }
        };
        HttpApi.UseCases useCases = HttpApi.UseCases.from(engine).withBrowseCatalog(broken);
        URI base = TestServer.start(new HttpApi(useCases, HttpSettings.defaults()));
        acme = new Http(base, List.of("X-Tenant", "acme"));
        LOG.start();
        ((Logger) LoggerFactory.getLogger(HttpApi.class)).addAppender(LOG);
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
    void keeps_serving_the_working_use_cases() {
        assertThat(acme.get("/config").status()).isEqualTo(200);
    }
}
