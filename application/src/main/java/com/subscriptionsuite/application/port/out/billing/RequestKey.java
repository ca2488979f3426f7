package com.subscriptionsuite.application.port.out.billing;

import java.util.Objects;

/**
 * The idempotency key of one billing command: the engine's operation and the step within it
 * ({@code <operation>:<step>}), so repeating an operation repeats each of its commands with the same
 * key, and a billing system that keeps keys (Zuora does, for 24 hours; the built-in ledger for good)
 * answers a repeat with the first answer instead of acting twice. Printable ASCII, at most 255
 * characters (what Zuora's {@code Idempotency-Key} header takes).
 */
public record RequestKey(String value) {
    public static final int MAX_LENGTH = 255;

    public RequestKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a request key has 1 to " + MAX_LENGTH + " characters, got "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a request key is printable ASCII");
            }
        }
    }

    /** The key of {@code step} of the operation {@code operation}. */
    public static RequestKey of(String operation, String step) {
        return new RequestKey(operation + ":" + step);
    }

    @Override
    public String toString() {
        return value;
    }
}
