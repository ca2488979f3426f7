package com.subscriptionsuite.adapters.http;

import java.util.List;
import java.util.Objects;

/**
 * Whether the server can take traffic now, for {@code GET /health/ready}: the checks that fail, each
 * named with a short public reason (never a secret, a URL or a driver's message: the endpoint needs no
 * credential). Empty when ready. The host decides what is checked (the standalone server: the database
 * answers, its migrations are done, a tenant is defined, and it is not shutting down); an implementation
 * answers within its own bounds and never throws.
 */
@FunctionalInterface
public interface Readiness {
    /** Ready whenever asked: for hosts that have nothing to check. */
    Readiness ALWAYS = List::of;

    List<NotReady> notReady();

    /** One failing check: {@code check} a stable name ({@code database}, {@code tenants} ...), {@code reason} for people. */
    record NotReady(String check, String reason) {
        public NotReady {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
