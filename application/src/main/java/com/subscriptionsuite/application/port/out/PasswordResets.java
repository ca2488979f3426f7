package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.identity.PasswordReset;
import io.vavr.control.Option;
import java.time.Instant;

/** Password-reset keys, found by the SHA-256 of the key. */
public interface PasswordResets {
    void add(PasswordReset reset);

    Option<PasswordReset> byKeyHash(String keyHash);

    /**
     * Marks the key used if it is still unused: true for exactly one caller, however many race
     * (a conditional update, not read-then-write).
     */
    boolean use(String keyHash, Instant at);
}
