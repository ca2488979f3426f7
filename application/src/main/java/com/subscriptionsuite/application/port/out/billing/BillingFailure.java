package com.subscriptionsuite.application.port.out.billing;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a call to the billing system did not give its answer. Each use case widens it into its own
 * failure family; over HTTP it is 503 {@code billing_unavailable}, 429 {@code billing_rate_limited}
 * (with {@code Retry-After}), 502 {@code billing_rejected} or the use case's own "not found".
 * <p>
 * After {@link Unavailable} the caller cannot know whether a command took effect (a timeout after
 * the billing system accepted it looks the same as a refused connection): it repeats the command
 * with the same {@link RequestKey} to find out. After {@link RateLimited} and {@link Rejected} the
 * command took no effect.
 */
public sealed interface BillingFailure {
    String UNAVAILABLE = "billing_unavailable";
    String RATE_LIMITED = "billing_rate_limited";
    String REJECTED = "billing_rejected";

    String describe();

    /**
     * The stable error code, the same in every use case's failure family: {@code billing_unavailable}
     * (503), {@code billing_rate_limited} (429, with the retry-after) or {@code billing_rejected} (502):
     * a refusal by the billing system, and an object the engine links to that the billing system no
     * longer has (a broken link is the billing system's answer, not the caller's mistake).
     */
    default String errorCode() {
        if (this instanceof Unavailable) {
            return UNAVAILABLE;
        }
        if (this instanceof RateLimited) {
            return RATE_LIMITED;
        }
        return REJECTED;
    }

    /** Timeout, refused connection, a 5xx answer, an open circuit: the effect is unknown. */
    record Unavailable(String reason) implements BillingFailure {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "the billing system is unavailable: " + reason;
        }
    }

    /** The billing system asks to wait {@code retryAfter} (at least a second) before the next call. */
    record RateLimited(Duration retryAfter) implements BillingFailure {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                retryAfter = Duration.ofSeconds(1);
            }
        }

        @Override
        public String describe() {
            return "the billing system limits the rate of calls; retry after " + retryAfter.toSeconds() + " s";
        }
    }

    /** The billing system refused the command (Zuora's {@code success:false}): its code and message, kept. */
    record Rejected(String code, String message) implements BillingFailure {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return "the billing system refused the request (" + code + "): " + message;
        }
    }

    /** The account, subscription or invoice named is not (or no longer) in the billing system. */
    record NotFound(String what) implements BillingFailure {
        public NotFound {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public String describe() {
            return what + " is not in the billing system";
        }
    }
}
