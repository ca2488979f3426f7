package com.subscriptionsuite.adapters.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request into the timer {@value #TIMER} (Prometheus: {@code http_server_requests_seconds_*})
 * with the tags {@code method}, {@code route} (the route pattern, or {@code unmatched}: never the raw
 * path, so the series stay few) and {@code status}, with a percentile histogram for latency quantiles.
 */
final class RequestMetrics {
    static final String TIMER = "http.server.requests";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Context ctx, Float millis) {
        Timer.builder(TIMER)
                .description("HTTP requests the API answered, by method, route pattern and status")
                .tag("method", ctx.method().name())
                .tag("route", RequestLog.route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos(millis == null ? 0 : (long) (millis * 1_000_000d)));
    }
}
