package com.subscriptionsuite.adapters.zuora;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the adapter reaches one Zuora tenant. {@code clientSecret} never appears in
 * {@link #toString()} nor in any log line.
 *
 * @param baseUrl        the REST base URL ({@code https://rest.test.eu.zuora.com}), without {@code /v1}
 * @param clientId       the OAuth client id
 * @param clientSecret   the OAuth client secret
 * @param version        the pinned {@code Zuora-Version} header (e.g. {@code 2025-08-12})
 * @param entityId       the {@code Zuora-Entity-Ids} header for multi-entity tenants, null otherwise
 * @param connectTimeout connect timeout of one HTTP call
 * @param readTimeout    read timeout of one HTTP call
 * @param maxConcurrent  Zuora calls one instance runs at once (the bulkhead)
 * @param retryAttempts  attempts of one safe call (the first one included) before it fails
 */
public record ZuoraSettings(String baseUrl, String clientId, String clientSecret, String version, String entityId,
        Duration connectTimeout, Duration readTimeout, int maxConcurrent, int retryAttempts) {

    public static final String BASE_URL = "SUITE_ZUORA_BASE_URL";
    public static final String CLIENT_ID = "SUITE_ZUORA_CLIENT_ID";
    public static final String CLIENT_SECRET = "SUITE_ZUORA_CLIENT_SECRET";
    public static final String VERSION = "SUITE_ZUORA_VERSION";
    public static final String ENTITY_ID = "SUITE_ZUORA_ENTITY_ID";
    public static final String CONNECT_TIMEOUT_MS = "SUITE_ZUORA_CONNECT_TIMEOUT_MS";
    public static final String READ_TIMEOUT_MS = "SUITE_ZUORA_READ_TIMEOUT_MS";
    public static final String MAX_CONCURRENT = "SUITE_ZUORA_MAX_CONCURRENT";
    public static final String RETRY_ATTEMPTS = "SUITE_ZUORA_RETRY_ATTEMPTS";

    /** The minor version the adapter is written against (the status codes of errors follow it). */
    public static final String DEFAULT_VERSION = "2025-08-12";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Zuora itself gives up on a request after 120 s (504); the engine waits less. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONCURRENT = 10;
    public static final int DEFAULT_RETRY_ATTEMPTS = 3;

    public ZuoraSettings {
        List<String> problems = problems(baseUrl, clientId, clientSecret, version, connectTimeout, readTimeout,
                maxConcurrent, retryAttempts);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        entityId = entityId == null || entityId.isBlank() ? null : entityId.strip();
    }

    /** Settings with the defaults for version, timeouts, concurrency and retries. */
    public static ZuoraSettings of(String baseUrl, String clientId, String clientSecret) {
        return new ZuoraSettings(baseUrl, clientId, clientSecret, DEFAULT_VERSION, null, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONCURRENT, DEFAULT_RETRY_ATTEMPTS);
    }

    public ZuoraSettings withMaxConcurrent(int n) {
        return new ZuoraSettings(baseUrl, clientId, clientSecret, version, entityId, connectTimeout, readTimeout, n,
                retryAttempts);
    }

    public ZuoraSettings withRetryAttempts(int n) {
        return new ZuoraSettings(baseUrl, clientId, clientSecret, version, entityId, connectTimeout, readTimeout,
                maxConcurrent, n);
    }

    public ZuoraSettings withReadTimeout(Duration timeout) {
        return new ZuoraSettings(baseUrl, clientId, clientSecret, version, entityId, connectTimeout, timeout,
                maxConcurrent, retryAttempts);
    }

    /**
     * The settings from the environment ({@code SUITE_ZUORA_*}), or every problem found, each naming its
     * variable. Base URL, client id and secret are required; the rest have defaults.
     */
    public static Either<List<String>, ZuoraSettings> fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        List<String> problems = new ArrayList<>();
        String baseUrl = env.get(BASE_URL);
        String clientId = env.get(CLIENT_ID);
        String clientSecret = env.get(CLIENT_SECRET);
        String version = EnvValues.orDefault(env.get(VERSION), DEFAULT_VERSION);
        Duration connect = EnvValues.millis(env, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT, problems);
        Duration read = EnvValues.millis(env, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT, problems);
        int maxConcurrent = EnvValues.integer(env, MAX_CONCURRENT, DEFAULT_MAX_CONCURRENT, problems);
        int attempts = EnvValues.integer(env, RETRY_ATTEMPTS, DEFAULT_RETRY_ATTEMPTS, problems);
        if (problems.isEmpty()) {
            problems.addAll(problems(baseUrl, clientId, clientSecret, version, connect, read, maxConcurrent,
                    attempts));
        } else {
            problems.addAll(problems(baseUrl, clientId, clientSecret, version, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 1, 1));
        }
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        return Either.right(new ZuoraSettings(baseUrl, clientId, clientSecret, version, env.get(ENTITY_ID), connect,
                read, maxConcurrent, attempts));
    }

    private static List<String> problems(String baseUrl, String clientId, String clientSecret, String version,
            Duration connectTimeout, Duration readTimeout, int maxConcurrent, int retryAttempts) {
        List<String> problems = new ArrayList<>();
        EnvValues.httpUrl(BASE_URL, baseUrl, "https://rest.test.eu.zuora.com", problems);
        if (clientId == null || clientId.isBlank()) {
            problems.add(CLIENT_ID + " is required (the OAuth client id of the Zuora tenant)");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            problems.add(CLIENT_SECRET + " is required (the OAuth client secret of the Zuora tenant)");
        }
        if (version == null || !version.strip().matches("\\d{4}-\\d{2}-\\d{2}|\\d{3}\\.0")) {
            problems.add(VERSION + " must be a Zuora minor version such as 2025-08-12 or 211.0, got " + version);
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            problems.add(CONNECT_TIMEOUT_MS + " must be a positive number of milliseconds");
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            problems.add(READ_TIMEOUT_MS + " must be a positive number of milliseconds");
        }
        if (maxConcurrent < 1) {
            problems.add(MAX_CONCURRENT + " must be at least 1, got " + maxConcurrent);
        }
        if (retryAttempts < 1) {
            problems.add(RETRY_ATTEMPTS + " must be at least 1, got " + retryAttempts);
        }
        return problems;
    }

    /** Everything but the secret. */
    @Override
    public String toString() {
        return "ZuoraSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***, version="
                + version + ", entityId=" + entityId + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxConcurrent=" + maxConcurrent + ", retryAttempts=" + retryAttempts + "]";
    }
}
