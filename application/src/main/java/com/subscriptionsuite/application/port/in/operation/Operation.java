package com.subscriptionsuite.application.port.in.operation;

import io.vavr.control.Option;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a use case that calls the billing system is identified, and how its answer is kept together
 * with what it commits. {@code key} is the client's key for the request (its {@code Idempotency-Key}),
 * if it sent one: repeating the request with it repeats the use case's billing commands with the same
 * request keys, so a retry after a timeout books nothing twice. {@code keepAnswer} is called with the
 * use case's answer inside the unit of work that commits the use case's local effects (the account
 * link, the voucher's redemption): the transport stores its response there, so the response is kept
 * exactly when what it reports was committed. It may throw to refuse the answer (the client's key was
 * taken over by a retry meanwhile): the unit then rolls back.
 */
public record Operation<T>(Option<String> key, Consumer<T> keepAnswer) {
    public Operation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keepAnswer, "keepAnswer");
    }

    /** A request without a key: its answer is not kept. */
    public static <T> Operation<T> unkeyed() {
        return new Operation<>(Option.none(), answer -> {
        });
    }

    public static <T> Operation<T> keyed(String key, Consumer<T> keepAnswer) {
        return new Operation<>(Option.some(key), keepAnswer);
    }
}
