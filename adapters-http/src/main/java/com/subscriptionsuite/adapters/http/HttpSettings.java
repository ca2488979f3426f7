package com.subscriptionsuite.adapters.http;

/**
 * Settings of the HTTP adapter.
 *
 * @param maxBodyBytes the largest request body accepted, by Content-Length and by bytes actually
 *                     read; larger bodies get 413 {@code body_too_large}
 * @param trustedProxies the proxies (IP addresses or CIDR blocks) whose {@code X-Forwarded-For} names the
 *                     client ({@link com.subscriptionsuite.adapters.http.access.ClientAddress}); none by default
 */
public record HttpSettings(int maxBodyBytes, java.util.List<String> trustedProxies) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings(int maxBodyBytes) {
        this(maxBodyBytes, java.util.List.of());
    }

    public HttpSettings {
        trustedProxies = java.util.List.copyOf(trustedProxies);
        com.subscriptionsuite.adapters.http.access.ClientAddress.trusting(trustedProxies);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES);
    }
}
