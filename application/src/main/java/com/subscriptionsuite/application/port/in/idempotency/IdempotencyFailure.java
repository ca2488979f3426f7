package com.subscriptionsuite.application.port.in.idempotency;

/** Why a request with an {@code Idempotency-Key} was not run (domain-rules §7). */
public sealed interface IdempotencyFailure {
    String HEADER = "Idempotency-Key";

    String code();

    String message();

    /** The key is empty, longer than 255 characters, or not printable ASCII. */
    record KeyInvalid(String reason) implements IdempotencyFailure {
        public String code() {
            return "idempotency_key_invalid";
        }

        public String message() {
            return HEADER + ": " + reason;
        }
    }

    /** The key was used, within the last 24 hours, for a request with another method, path or body. */
    record KeyReused() implements IdempotencyFailure {
        public String code() {
            return "idempotency_key_reused";
        }

        public String message() {
            return HEADER + ": already used for a different request (method, path or body); use a new key";
        }
    }

    /** The first request with this key is still running; retry when it has finished. */
    record InFlight() implements IdempotencyFailure {
        public String code() {
            return "idempotency_request_in_flight";
        }

        public String message() {
            return HEADER + ": a request with this key is still in progress; retry shortly";
        }
    }
}
