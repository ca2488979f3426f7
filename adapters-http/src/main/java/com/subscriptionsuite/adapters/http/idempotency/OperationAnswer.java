package com.subscriptionsuite.adapters.http.idempotency;

import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Completion;
import com.subscriptionsuite.application.port.in.operation.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * An operation route's answer ({@link IdempotencyKeys#answer}): the {@link Operation} its handler
 * passes to the use case, and the body it sends for the use case's answer. With a request's
 * {@code Idempotency-Key} the operation's {@code keepAnswer} renders the answer and stores it as the
 * request's response (status {@value #STATUS}) through the {@link Completion}; {@link #body} then
 * hands back those very bytes for that answer, so a replay sends exactly what the first request
 * sent. Without a key (or on a route not declared an operation) the operation is unkeyed and the
 * body is rendered when asked for.
 */
public final class OperationAnswer<T> {
    /** The status an operation's kept answer is sent with (a success). */
    public static final int STATUS = 200;

    private final Function<T, byte[]> render;
    private final Operation<T> operation;
    private volatile Kept<T> kept;

    private record Kept<T>(T answer, byte[] body) {
    }

    OperationAnswer(Completion completion, Function<T, byte[]> render) {
        this.render = Objects.requireNonNull(render, "render");
        this.operation = completion == null ? Operation.unkeyed() : Operation.keyed(completion.key(), answer -> {
            byte[] body = render.apply(answer);
            completion.complete(STATUS, new String(body, StandardCharsets.UTF_8));
            kept = new Kept<>(answer, body);
        });
    }

    public Operation<T> operation() {
        return operation;
    }

    /** The body for {@code answer}: the bytes kept for it if the use case kept this very answer, else rendered now. */
    public byte[] body(T answer) {
        Kept<T> k = kept;
        return k != null && k.answer() == answer ? k.body().clone() : render.apply(answer);
    }
}
