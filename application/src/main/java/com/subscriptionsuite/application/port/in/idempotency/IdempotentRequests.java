package com.subscriptionsuite.application.port.in.idempotency;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a state-changing request at most once per {@code Idempotency-Key} (domain-rules §7), for
 * transports that speak in status and body (the HTTP adapter). Per tenant, user and key, for 24
 * hours: the first request runs and its response is stored together with what it changed, in one
 * unit of work; a retry with the same fingerprint (method, path, query and body) gets the stored
 * response; the same key with another fingerprint is refused ({@code idempotency_key_reused}),
 * as is a retry while the first is still running ({@code idempotency_request_in_flight}).
 * Responses with a status below 500 are stored (a refusal is an answer too); a 5xx, a 429 (retry
 * later: {@code billing_rate_limited} booked nothing) or an exception stores nothing and frees the
 * key, so the request can be retried.
 */
public interface IdempotentRequests {
    Either<IdempotencyFailure, Outcome> run(long tenantId, long userId, String key, String fingerprint,
            Supplier<Response> work);

    /**
     * {@link #run}, for a request whose work is an <em>operation</em>: a use case that calls the
     * billing system and so cannot run inside one unit of work (a remote call never runs in a
     * database transaction). The key is claimed, replayed, refused or taken over as by {@link #run};
     * then {@code work} runs outside any unit of work, and keeps its response itself: it calls
     * {@link Completion#complete} inside the unit of work that commits its local effects (the use
     * case's {@code Operation.keepAnswer}), so the response is stored exactly when what it reports
     * was committed. When the key was taken over by a retry meanwhile, {@code complete} throws, the
     * unit rolls back, and the answer is {@link IdempotencyFailure.InFlight}.
     * <p>
     * When {@code work} returns without having called {@code complete} (a refusal, or no unit of
     * work), its response is stored on its own as by {@link #run}, or the key is freed for a 5xx or
     * a 429. When it throws, the key is freed, unless {@code complete} had succeeded: then the
     * response may have committed with its unit, and the key stays claimed (a committed response is
     * replayed; an uncommitted claim is taken over by a retry once its lease ends).
     */
    Either<IdempotencyFailure, Outcome> runOperation(long tenantId, long userId, String key, String fingerprint,
            Function<Completion, Response> work);

    /**
     * How an operation keeps its response: {@link #complete} stores it in the unit of work that is
     * running (it joins it), and throws when the request no longer holds its key (a retry took it
     * over): let the exception roll the unit back. At most once per request.
     */
    interface Completion {
        /** The client's {@code Idempotency-Key}. */
        String key();

        void complete(int status, String body);
    }

    /** A response as the transport sends it. */
    record Response(int status, String body) {
        public Response {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The response, and whether it is the stored one of an earlier request. */
    record Outcome(Response response, boolean replayed) {
        public Outcome {
            Objects.requireNonNull(response, "response");
        }
    }
}
