package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.access.ClientAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param maxBodyBytes the largest request body accepted, by Content-Length and by bytes actually
 *                     read; larger bodies get 413 {@code body_too_large}
 * @param shutdownGrace how long stopping the server waits for the requests in flight to finish after it
 *                     stopped accepting new ones (Jetty's graceful stop); then the rest are cut off
 * @param trustedProxies the proxies (IP addresses or CIDR blocks) whose {@code X-Forwarded-For} names the
 *                     client ({@link ClientAddress}); none by default
 */
public record HttpSettings(int maxBodyBytes, Duration shutdownGrace, List<String> trustedProxies) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public HttpSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
        }
        trustedProxies = List.copyOf(trustedProxies);
        ClientAddress.trusting(trustedProxies);
    }

    /** With the default shutdown grace and no trusted proxies. */
    public HttpSettings(int maxBodyBytes) {
        this(maxBodyBytes, DEFAULT_SHUTDOWN_GRACE, List.of());
    }

    /** With no trusted proxies. */
    public HttpSettings(int maxBodyBytes, Duration shutdownGrace) {
        this(maxBodyBytes, shutdownGrace, List.of());
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES);
    }
}
