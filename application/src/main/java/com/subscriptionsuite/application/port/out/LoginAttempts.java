package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.identity.LoginThrottle.Failures;
import java.time.Instant;

/**
 * Failed logins per key ({@code account:<email>} or {@code client:<address>}) of a tenant, shared
 * by all server instances so that throttling holds across them.
 */
public interface LoginAttempts {
    void recordFailure(long tenantId, String key, Instant at);

    /** The failures of the key at or after {@code since}, with the latest of them. */
    Failures failuresSince(long tenantId, String key, Instant since);

    void clear(long tenantId, String key);
}
