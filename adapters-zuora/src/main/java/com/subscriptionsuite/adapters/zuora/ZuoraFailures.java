package com.subscriptionsuite.adapters.zuora;

import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Zuora's answers read as the port's failures. A reason code's last two digits are its category
 * (Zuora's error-code guide): 50 (lock contention), 60/61 (internal/temporary) and 99 (gateway or
 * tax engine) may pass when tried again, 70 is the rate limit, 40 "not found", the rest
 * (permission, validation, business rules, malformed input) a refusal. Without a reason code the
 * HTTP status decides.
 */
final class ZuoraFailures {
    private ZuoraFailures() {
    }

    /** One of Zuora's reasons ({@code code} may be a number or a string in Zuora's answers). */
    record Reason(String code, String message) {
        /** The category: the last two digits of an 8-digit code, -1 when the code has none. */
        int category() {
            if (code == null) {
                return -1;
            }
            String digits = code.strip();
            if (digits.length() < 3 || !digits.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            return Integer.parseInt(digits.substring(digits.length() - 2));
        }
    }

    /**
     * A failed attempt: the failure to answer when no retry follows, whether trying the same call again
     * may succeed, and how long Zuora asked to wait (null when it did not say).
     */
    record Failed(BillingFailure failure, boolean retryable, Duration retryAfter, boolean countsAgainstCircuit) {
    }

    static Failed categorise(int status, List<Reason> reasons, Duration retryAfter) {
        String message = reasons.isEmpty() ? "HTTP " + status
                : reasons.stream().map(r -> r.message() == null ? String.valueOf(r.code()) : r.message())
                        .collect(Collectors.joining("; "));
        String code = reasons.stream().map(Reason::code).filter(c -> c != null && !c.isBlank()).findFirst()
                .orElse(null);
        int category = reasons.stream().mapToInt(Reason::category).filter(c -> c >= 0).findFirst().orElse(-1);
        if (status == 429 || category == 70) {
            Duration wait = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
            return new Failed(new BillingFailure.RateLimited(wait), true, wait, false);
        }
        switch (category) {
            case 50, 61 -> {
                // a lock or a passing hiccup of one request; an outage when Zuora answers it with a 5xx
                return new Failed(new BillingFailure.Unavailable("Zuora asks to try again (" + code + "): " + message),
                        true, retryAfter, status >= 500);
            }
            case 60, 99 -> {
                return new Failed(new BillingFailure.Unavailable("Zuora failed (" + code + "): " + message), true,
                        retryAfter, true);
            }
            case 40 -> {
                return new Failed(new BillingFailure.NotFound("the object Zuora was asked for (" + code + ": "
                        + message + ")"), false, null, false);
            }
            case -1 -> {
                return byStatus(status, message, retryAfter);
            }
            default -> {
                return new Failed(new BillingFailure.Rejected(code, message), false, null, false);
            }
        }
    }

    private static Failed byStatus(int status, String message, Duration retryAfter) {
        if (status == 404) {
            return new Failed(new BillingFailure.NotFound("the object Zuora was asked for (" + message + ")"), false,
                    null, false);
        }
        if (status == 409) {
            // the same Idempotency-Key is still in flight: the first call's answer comes if we ask again
            return new Failed(new BillingFailure.Unavailable("Zuora is still processing the same request: " + message),
                    true, retryAfter, false);
        }
        if (status >= 500) {
            return new Failed(new BillingFailure.Unavailable("Zuora answered HTTP " + status + ": " + message), true,
                    retryAfter, true);
        }
        return new Failed(new BillingFailure.Rejected(String.valueOf(status), message), false, null, false);
    }

    /** A call that got no answer: a timeout, a refused or broken connection. */
    static Failed noAnswer(String what) {
        return new Failed(new BillingFailure.Unavailable(what), true, null, true);
    }
}
