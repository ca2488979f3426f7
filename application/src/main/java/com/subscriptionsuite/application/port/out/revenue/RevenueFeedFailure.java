package com.subscriptionsuite.application.port.out.revenue;

import java.util.Objects;

/**
 * Why Zuora Revenue (or the feed behind {@link RevenueFeed}) did not give its answer. Stable codes:
 * {@code revenue_unavailable}, {@code revenue_rejected}, {@code revenue_api_not_enabled},
 * {@code revenue_authentication_failed}, {@code revenue_misconfigured}. The last three are configuration
 * errors: trying again changes nothing until someone fixes the configuration, so they are never retried.
 */
public sealed interface RevenueFeedFailure {
    String code();

    String message();

    /** Whether trying the same call later may succeed without anyone changing anything. */
    default boolean passing() {
        return this instanceof Unavailable;
    }

    /** A configuration error (405, refused credentials, an unusable template): nothing works until it is fixed. */
    default boolean configuration() {
        return this instanceof ApiNotEnabled || this instanceof AuthenticationFailed || this instanceof Misconfigured;
    }

    /**
     * No answer, a 5xx, an open circuit. {@code maybeReceived}: the request may have reached Zuora
     * Revenue (a read timeout after sending) — for an upload the outcome is then unknown.
     */
    record Unavailable(String reason, boolean maybeReceived) implements RevenueFeedFailure {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }

        public String code() {
            return "revenue_unavailable";
        }

        public String message() {
            return "Zuora Revenue is unavailable: " + reason;
        }
    }

    /** Zuora Revenue refused the request: its HTTP status (or status text) and message. */
    record Rejected(String status, String detail) implements RevenueFeedFailure {
        public Rejected {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }

        public String code() {
            return "revenue_rejected";
        }

        public String message() {
            return "Zuora Revenue refused the request (" + status + "): " + detail;
        }
    }

    /** HTTP 405 on every call: the API service is not enabled for the Zuora Revenue tenant. */
    record ApiNotEnabled() implements RevenueFeedFailure {
        public String code() {
            return "revenue_api_not_enabled";
        }

        public String message() {
            return "Zuora Revenue answered 405: the API service is not enabled for this Zuora Revenue tenant;"
                    + " ask Zuora Revenue Support to enable it (nothing is retried until then)";
        }
    }

    /** The credentials, role or client name were refused by the authentication call. */
    record AuthenticationFailed(String detail) implements RevenueFeedFailure {
        public AuthenticationFailed {
            Objects.requireNonNull(detail, "detail");
        }

        public String code() {
            return "revenue_authentication_failed";
        }

        public String message() {
            return "Zuora Revenue refused the feed's credentials (check SUITE_REVENUE_USER, SUITE_REVENUE_PASSWORD,"
                    + " SUITE_REVENUE_ROLE, SUITE_REVENUE_CLIENT_NAME): " + detail;
        }
    }

    /** The upload template cannot be used (unknown date format, no order or line number column...). */
    record Misconfigured(String detail) implements RevenueFeedFailure {
        public Misconfigured {
            Objects.requireNonNull(detail, "detail");
        }

        public String code() {
            return "revenue_misconfigured";
        }

        public String message() {
            return "the Zuora Revenue upload template cannot be used: " + detail;
        }
    }
}
