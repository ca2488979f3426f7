package com.subscriptionsuite.adapters.http;

/**
 * Settings of the HTTP adapter.
 *
 * @param maxBodyBytes the largest request body accepted, by Content-Length and by bytes actually
 *                     read; larger bodies get 413 {@code body_too_large}
 */
public record HttpSettings(int maxBodyBytes) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES);
    }
}
