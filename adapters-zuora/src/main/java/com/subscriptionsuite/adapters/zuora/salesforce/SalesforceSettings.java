package com.subscriptionsuite.adapters.zuora.salesforce;

import com.subscriptionsuite.adapters.zuora.EnvValues;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the adapter reaches the Salesforce org that holds the Zuora Quotes ({@code zqu__} objects).
 * OAuth 2.0 against {@code {loginUrl}/services/oauth2/token}: the client credentials flow, or the
 * username-password flow when {@code username} is set. The client secret and the password never
 * appear in {@link #toString()} nor in any log line.
 *
 * @param openStatuses     {@code zqu__Status__c} values of a quote that can be accepted
 * @param acceptedStatuses values of an accepted quote; the first is what the engine writes on acceptance
 */
public record SalesforceSettings(String loginUrl, String clientId, String clientSecret, String username,
        String password, String apiVersion, Duration connectTimeout, Duration readTimeout, int retryAttempts,
        Set<String> openStatuses, List<String> acceptedStatuses) {

    public static final String LOGIN_URL = "SUITE_SALESFORCE_LOGIN_URL";
    public static final String CLIENT_ID = "SUITE_SALESFORCE_CLIENT_ID";
    public static final String CLIENT_SECRET = "SUITE_SALESFORCE_CLIENT_SECRET";
    public static final String USERNAME = "SUITE_SALESFORCE_USERNAME";
    public static final String PASSWORD = "SUITE_SALESFORCE_PASSWORD";
    public static final String API_VERSION = "SUITE_SALESFORCE_API_VERSION";
    public static final String CONNECT_TIMEOUT_MS = "SUITE_SALESFORCE_CONNECT_TIMEOUT_MS";
    public static final String READ_TIMEOUT_MS = "SUITE_SALESFORCE_READ_TIMEOUT_MS";
    public static final String RETRY_ATTEMPTS = "SUITE_SALESFORCE_RETRY_ATTEMPTS";
    public static final String OPEN_STATUSES = "SUITE_SALESFORCE_OPEN_STATUSES";
    public static final String ACCEPTED_STATUSES = "SUITE_SALESFORCE_ACCEPTED_STATUSES";

    public static final String DEFAULT_API_VERSION = "62.0";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_RETRY_ATTEMPTS = 3;
    public static final String DEFAULT_OPEN_STATUSES = "New,Sent,Approved";
    public static final String DEFAULT_ACCEPTED_STATUSES = "Accepted,Sent to Z-Billing";

    public SalesforceSettings {
        List<String> problems = problems(loginUrl, clientId, clientSecret, username, password, apiVersion,
                connectTimeout, readTimeout, retryAttempts, openStatuses, acceptedStatuses);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        loginUrl = loginUrl.strip().replaceAll("/+$", "");
        username = blankToNull(username);
        openStatuses = Set.copyOf(openStatuses);
        acceptedStatuses = List.copyOf(acceptedStatuses);
    }

    /** Client-credentials settings with the defaults. */
    public static SalesforceSettings of(String loginUrl, String clientId, String clientSecret) {
        return new SalesforceSettings(loginUrl, clientId, clientSecret, null, null, DEFAULT_API_VERSION,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_RETRY_ATTEMPTS, list(DEFAULT_OPEN_STATUSES)
                        .stream().collect(Collectors.toSet()), list(DEFAULT_ACCEPTED_STATUSES));
    }

    public SalesforceSettings withReadTimeout(Duration timeout) {
        return new SalesforceSettings(loginUrl, clientId, clientSecret, username, password, apiVersion,
                connectTimeout, timeout, retryAttempts, openStatuses, acceptedStatuses);
    }

    public SalesforceSettings withPasswordFlow(String username, String password) {
        return new SalesforceSettings(loginUrl, clientId, clientSecret, username, password, apiVersion,
                connectTimeout, readTimeout, retryAttempts, openStatuses, acceptedStatuses);
    }

    /** The status the engine writes on acceptance. */
    public String acceptedStatus() {
        return acceptedStatuses.get(0);
    }

    /**
     * The settings from the environment ({@code SUITE_SALESFORCE_*}), or every problem found, each naming
     * its variable. Login URL, client id and secret are required; the rest have defaults.
     */
    public static Either<List<String>, SalesforceSettings> fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        List<String> problems = new ArrayList<>();
        Duration connect = EnvValues.millis(env, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT, problems);
        Duration read = EnvValues.millis(env, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT, problems);
        int attempts = DEFAULT_RETRY_ATTEMPTS;
        String rawAttempts = env.get(RETRY_ATTEMPTS);
        if (rawAttempts != null && !rawAttempts.isBlank()) {
            try {
                attempts = Integer.parseInt(rawAttempts.strip());
            } catch (NumberFormatException e) {
                problems.add(RETRY_ATTEMPTS + " must be a whole number, got " + rawAttempts);
            }
        }
        String version = EnvValues.orDefault(env.get(API_VERSION), DEFAULT_API_VERSION);
        Set<String> open = list(EnvValues.orDefault(env.get(OPEN_STATUSES), DEFAULT_OPEN_STATUSES)).stream()
                .collect(Collectors.toSet());
        List<String> accepted = list(EnvValues.orDefault(env.get(ACCEPTED_STATUSES), DEFAULT_ACCEPTED_STATUSES));
        problems.addAll(problems(env.get(LOGIN_URL), env.get(CLIENT_ID), env.get(CLIENT_SECRET), env.get(USERNAME),
                env.get(PASSWORD), version, connect, read, attempts, open, accepted));
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        return Either.right(new SalesforceSettings(env.get(LOGIN_URL), env.get(CLIENT_ID), env.get(CLIENT_SECRET),
                env.get(USERNAME), env.get(PASSWORD), version, connect, read, attempts, open, accepted));
    }

    private static List<String> problems(String loginUrl, String clientId, String clientSecret, String username,
            String password, String apiVersion, Duration connect, Duration read, int attempts, Set<String> open,
            List<String> accepted) {
        List<String> problems = new ArrayList<>();
        EnvValues.httpUrl(LOGIN_URL, loginUrl,
                "https://login.salesforce.com or https://MyDomain.my.salesforce.com", problems);
        if (clientId == null || clientId.isBlank()) {
            problems.add(CLIENT_ID + " is required (the connected app's consumer key)");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            problems.add(CLIENT_SECRET + " is required (the connected app's consumer secret)");
        }
        if (username != null && !username.isBlank() && (password == null || password.isBlank())) {
            problems.add(PASSWORD + " is required with " + USERNAME + " (the username-password flow)");
        }
        if (apiVersion == null || !apiVersion.strip().matches("\\d{2,3}\\.0")) {
            problems.add(API_VERSION + " must be a REST API version such as 62.0, got " + apiVersion);
        }
        if (connect == null || connect.isNegative() || connect.isZero()) {
            problems.add(CONNECT_TIMEOUT_MS + " must be a positive number of milliseconds");
        }
        if (read == null || read.isNegative() || read.isZero()) {
            problems.add(READ_TIMEOUT_MS + " must be a positive number of milliseconds");
        }
        if (attempts < 1 || attempts > 10) {
            problems.add(RETRY_ATTEMPTS + " must be 1 to 10, got " + attempts);
        }
        if (open == null || open.isEmpty()) {
            problems.add(OPEN_STATUSES + " must name at least one status");
        }
        if (accepted == null || accepted.isEmpty()) {
            problems.add(ACCEPTED_STATUSES + " must name at least one status");
        }
        if (open != null && accepted != null && accepted.stream().anyMatch(open::contains)) {
            problems.add(OPEN_STATUSES + " and " + ACCEPTED_STATUSES + " must not share a status");
        }
        return problems;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Everything but the secrets. */
    @Override
    public String toString() {
        return "SalesforceSettings[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, username="
                + username + ", password=" + (password == null ? null : "***") + ", apiVersion=" + apiVersion
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retryAttempts="
                + retryAttempts + ", openStatuses=" + openStatuses + ", acceptedStatuses=" + acceptedStatuses + "]";
    }
}
