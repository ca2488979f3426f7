package com.subscriptionsuite.application.port.out.quote;

import java.util.Objects;

/**
 * Why a call to the quote source (Salesforce's Zuora Quotes, or the engine's own store) did not give
 * its answer. The quote use cases widen it into {@code QuoteFailure}: 503
 * {@code quote_source_unavailable}, 502 {@code quote_source_rejected}, 404 {@code quote_not_found}.
 * After {@link Unavailable} a command's effect is unknown; marking a quote accepted is idempotent,
 * so it is simply sent again.
 */
public sealed interface QuoteSourceFailure {
    String describe();

    /** Timeout, refused connection, a 5xx answer, an open circuit, a token that could not be had. */
    record Unavailable(String reason) implements QuoteSourceFailure {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "the quote source is unavailable: " + reason;
        }
    }

    /** The source refused the request: its own code and message, kept. */
    record Rejected(String code, String message) implements QuoteSourceFailure {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return "the quote source refused the request (" + code + "): " + message;
        }
    }

    /** The quote named is not (or no longer) at the source. */
    record NotFound(String what) implements QuoteSourceFailure {
        public NotFound {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public String describe() {
            return what + " is not at the quote source";
        }
    }
}
