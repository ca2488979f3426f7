package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.identity.Session;
import io.vavr.control.Option;
import java.time.Instant;

/** Signed-in sessions, found by the SHA-256 of their bearer token; shared by all server instances. */
public interface Sessions {
    void add(Session session);

    Option<Session> byTokenHash(String tokenHash);

    /** Revokes one session; returns whether an active one was revoked. */
    boolean revoke(String tokenHash, Instant at);

    /** Revokes every active session of a user; returns how many. */
    int revokeAllOf(long tenantId, long userId, Instant at);
}
