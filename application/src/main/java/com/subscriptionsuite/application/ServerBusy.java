package com.subscriptionsuite.application;

/**
 * An outbound adapter has no capacity to serve the call now: its connection pool stayed exhausted
 * for the configured wait. Not a bug and not a business rejection: the request may succeed when
 * retried a moment later. The HTTP adapter answers it with 503 {@code server_busy} and
 * {@code Retry-After}; an embedding host may retry or shed load.
 */
public final class ServerBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public ServerBusy(String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** When a retry may find capacity again, in whole seconds (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
