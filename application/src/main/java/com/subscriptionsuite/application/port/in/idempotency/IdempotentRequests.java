package com.subscriptionsuite.application.port.in.idempotency;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a state-changing request at most once per {@code Idempotency-Key} (domain-rules §7), for
 * transports that speak in status and body (the HTTP adapter). Per tenant, user and key, for 24
 * hours: the first request runs and its response is stored together with what it changed, in one
 * unit of work; a retry with the same fingerprint (method, path, query and body) gets the stored
 * response; the same key with another fingerprint is refused ({@code idempotency_key_reused}),
 * as is a retry while the first is still running ({@code idempotency_request_in_flight}).
 * Responses with a status below 500 are stored (a refusal is an answer too); a 5xx or an exception
 * stores nothing and frees the key, so the request can be retried.
 */
public interface IdempotentRequests {
    Either<IdempotencyFailure, Outcome> run(long tenantId, long userId, String key, String fingerprint,
            Supplier<Response> work);

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
