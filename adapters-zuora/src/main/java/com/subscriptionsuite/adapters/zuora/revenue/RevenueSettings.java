package com.subscriptionsuite.adapters.zuora.revenue;

import com.subscriptionsuite.adapters.zuora.EnvValues;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the feed reaches one Zuora Revenue tenant. {@code password} never appears in {@link #toString()}
 * nor in any log line.
 *
 * @param baseUrl        the tenant's host ({@code https://<company>.revprooncloud.com}), without a path
 * @param user           the API user (its role needs "Webservices Inbound")
 * @param password       its password
 * @param role           the {@code role} header of the authentication
 * @param clientName     the {@code clientname} header of the authentication
 * @param template       the upload template's name (defined in Zuora Revenue under File Upload)
 * @param tokenLifetime  how long a token lives (30 minutes); it is renewed {@link #RENEW_BEFORE} before
 * @param connectTimeout connect timeout of one call
 * @param readTimeout    read timeout of one call
 * @param retryAttempts  attempts of one safe call (a GET, the authentication) before it fails
 */
public record RevenueSettings(String baseUrl, String user, String password, String role, String clientName,
        String template, Duration tokenLifetime, Duration connectTimeout, Duration readTimeout, int retryAttempts) {

    public static final String BASE_URL = "SUITE_REVENUE_BASE_URL";
    public static final String USER = "SUITE_REVENUE_USER";
    public static final String PASSWORD = "SUITE_REVENUE_PASSWORD";
    public static final String ROLE = "SUITE_REVENUE_ROLE";
    public static final String CLIENT_NAME = "SUITE_REVENUE_CLIENT_NAME";
    public static final String TEMPLATE = "SUITE_REVENUE_TEMPLATE";
    public static final String READ_TIMEOUT_MS = "SUITE_REVENUE_READ_TIMEOUT_MS";
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(2);
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    /** An upload of up to 20k lines is loaded into the pre-stage tables before the answer: wait long. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

    public RevenueSettings {
        List<String> problems = problems(baseUrl, user, password, role, clientName, template);
        if (tokenLifetime == null || tokenLifetime.compareTo(RENEW_BEFORE) <= 0) {
            problems.add("the token lifetime must be longer than " + RENEW_BEFORE);
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            problems.add("timeouts must be positive");
        }
        if (retryAttempts < 1) {
            problems.add("retry attempts must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    public static RevenueSettings of(String baseUrl, String user, String password, String role, String clientName,
            String template) {
        return new RevenueSettings(baseUrl, user, password, role, clientName, template, TOKEN_LIFETIME,
                Duration.ofSeconds(5), DEFAULT_READ_TIMEOUT, 3);
    }

    public RevenueSettings withTokenLifetime(Duration lifetime) {
        return new RevenueSettings(baseUrl, user, password, role, clientName, template, lifetime, connectTimeout,
                readTimeout, retryAttempts);
    }

    public RevenueSettings withReadTimeout(Duration timeout) {
        return new RevenueSettings(baseUrl, user, password, role, clientName, template, tokenLifetime, connectTimeout,
                timeout, retryAttempts);
    }

    /** Whether the environment asks for Zuora Revenue (any {@code SUITE_REVENUE_*} connection setting given). */
    public static boolean requested(Map<String, String> env) {
        return List.of(BASE_URL, USER, PASSWORD, ROLE, CLIENT_NAME, TEMPLATE).stream()
                .anyMatch(name -> env.get(name) != null && !env.get(name).isBlank());
    }

    /** The settings from the environment, or every problem, each naming its variable. */
    public static Either<List<String>, RevenueSettings> fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        List<String> problems = problems(env.get(BASE_URL), env.get(USER), env.get(PASSWORD), env.get(ROLE),
                env.get(CLIENT_NAME), env.get(TEMPLATE));
        Duration read = EnvValues.millis(env, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT, problems);
        if (!problems.isEmpty()) {
            return Either.left(List.copyOf(problems));
        }
        return Either.right(of(env.get(BASE_URL), env.get(USER).strip(), env.get(PASSWORD), env.get(ROLE).strip(),
                env.get(CLIENT_NAME).strip(), env.get(TEMPLATE).strip()).withReadTimeout(read));
    }

    private static List<String> problems(String baseUrl, String user, String password, String role,
            String clientName, String template) {
        List<String> problems = new ArrayList<>();
        EnvValues.httpUrl(BASE_URL, baseUrl, "https://yourcompany.revprooncloud.com", problems);
        required(problems, USER, user, "the Zuora Revenue API user");
        required(problems, PASSWORD, password, "its password");
        required(problems, ROLE, role, "the role sent when authenticating, e.g. API Role");
        required(problems, CLIENT_NAME, clientName, "the client name sent when authenticating, e.g. Default");
        required(problems, TEMPLATE, template, "the name of the upload template defined in Zuora Revenue");
        return problems;
    }

    private static void required(List<String> problems, String name, String value, String what) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required (" + what + ")");
        }
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "RevenueSettings[baseUrl=" + baseUrl + ", user=" + user + ", password=***, role=" + role
                + ", clientName=" + clientName + ", template=" + template + ", tokenLifetime=" + tokenLifetime
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retryAttempts="
                + retryAttempts + "]";
    }
}
