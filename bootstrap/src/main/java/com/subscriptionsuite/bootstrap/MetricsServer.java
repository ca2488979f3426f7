package com.subscriptionsuite.bootstrap;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The Prometheus registry of the standalone server and {@code GET /metrics} in Prometheus' text format
 * on a port of its own ({@code SUITE_METRICS_PORT}): kept off the API's port so that it needs no tenant
 * and no credential, and a firewall or a Kubernetes network policy keeps it internal. JVM meters
 * (memory, GC, threads, class loading, CPU, uptime) are bound here; the HTTP adapter adds the request
 * timer and the database its pool's meters.
 */
final class MetricsServer implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final HttpServer http;

    private MetricsServer(PrometheusMeterRegistry registry, JvmGcMetrics gc, HttpServer http) {
        this.registry = registry;
        this.gc = gc;
        this.http = http;
    }

    static MetricsServer start(String host, int port) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
            http.createContext("/metrics", exchange -> {
                try (exchange) {
                    if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                    boolean head = "HEAD".equals(exchange.getRequestMethod());
                    exchange.sendResponseHeaders(200, head ? -1 : body.length);
                    if (!head) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
            });
            http.start();
            return new MetricsServer(registry, gc, http);
        } catch (IOException e) {
            gc.close();
            registry.close();
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port, e);
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        gc.close();
        registry.close();
    }
}
