package com.subscriptionsuite.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param maxBodyBytes the largest request body accepted, by Content-Length and by bytes actually
 *                     read; larger bodies get 413 {@code body_too_large}
 * @param shutdownGrace how long stopping the server waits for the requests in flight to finish after it
 *                     stopped accepting new ones (Jetty's graceful stop); then the rest are cut off
 */
public record HttpSettings(int maxBodyBytes, Duration shutdownGrace) {
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
    }

    /** With the default shutdown grace ({@value #DEFAULT_MAX_BODY_BYTES} bytes is the default body limit). */
    public HttpSettings(int maxBodyBytes) {
        this(maxBodyBytes, DEFAULT_SHUTDOWN_GRACE);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES);
    }
}
