package com.subscriptionsuite.adapters.zuora.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.http2client.Http2Client;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesforce over HTTP for the quote source: the OAuth 2.0 token (client credentials, or
 * username-password when a username is set) fetched from the login URL and cached with the org's
 * {@code instance_url} until Salesforce refuses it (401 {@code INVALID_SESSION_ID}: renewed once, the
 * call tried once more); connect and read timeouts; a resilience4j retry with exponential backoff and
 * jitter for the calls that are safe to repeat (every call it makes is: SOQL reads, and an update
 * that writes the same values again); a circuit breaker that stops calling an org that keeps failing.
 * Feign's own retryer is off. Neither the secret, the password nor the token reaches a log.
 */
final class SalesforceClient {
    private static final Logger LOG = LoggerFactory.getLogger(SalesforceClient.class);

    /** How hard the client tries: the first backoff, and the circuit's window and open time. */
    record Resilience(Duration initialBackoff, int slidingWindow, float failureRateThreshold, Duration openFor) {
        static Resilience defaults() {
            return new Resilience(Duration.ofMillis(200), 10, 50f, Duration.ofSeconds(30));
        }
    }

    /** One attempt's outcome: the body, or the failure with the HTTP status it came with (0: none). */
    private record Attempt(JsonNode body, QuoteSourceFailure failure, int status, boolean retryable) {
        boolean ok() {
            return failure == null;
        }
    }

    private record Session(String token, URI instance) {
    }

    private final SalesforceSettings settings;
    private final SalesforceApi api;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Object sessionLock = new Object();
    private volatile Session session;

    SalesforceClient(SalesforceSettings settings) {
        this(settings, Resilience.defaults());
    }

    SalesforceClient(SalesforceSettings settings, Resilience resilience) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        String bearer = "Bearer ";
        this.api = Feign.builder()
                .client(new Http2Client(http))
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .requestInterceptor(template -> {
                    if (!template.path().endsWith("/oauth2/token")) {
                        Session current = session;
                        if (current != null) {
                            template.header("Authorization", bearer + current.token());
                        }
                        template.header("Accept", "application/json");
                        // the customer's request's correlation id, as the Zuora client sends it as Zuora-Track-Id
                        String correlationId = org.slf4j.MDC.get(
                                com.subscriptionsuite.adapters.zuora.ZuoraClient.CORRELATION_ID);
                        if (correlationId != null) {
                            template.header("X-Request-Id", correlationId);
                        }
                    }
                })
                .target(SalesforceApi.class, settings.loginUrl());
        this.circuitBreaker = CircuitBreaker.of("salesforce", CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.slidingWindow())
                .minimumNumberOfCalls(resilience.slidingWindow())
                .waitDurationInOpenState(resilience.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordResult(r -> r instanceof Attempt a && a.failure() instanceof QuoteSourceFailure.Unavailable)
                .build());
        this.retry = Retry.of("salesforce", RetryConfig.<Attempt>custom()
                .maxAttempts(settings.retryAttempts())
                .retryOnResult(a -> !a.ok() && a.retryable())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(resilience.initialBackoff(), 2.0, 0.5))
                .failAfterMaxAttempts(false)
                .build());
    }

    String circuitState() {
        return circuitBreaker.getState().name();
    }

    /** A SOQL query: its answer ({@code totalSize}, {@code records}). */
    Either<QuoteSourceFailure, JsonNode> query(String soql) {
        return call("query", (a, instance) -> a.query(instance, settings.apiVersion(), soql));
    }

    /** Updates fields of one sobject (204 No Content). */
    Either<QuoteSourceFailure, JsonNode> update(String object, String id, String json) {
        return call("update " + object, (a, instance) -> a.update(instance, settings.apiVersion(), object, id, json));
    }

    private interface Call {
        Response send(SalesforceApi api, URI instance);
    }

    private Either<QuoteSourceFailure, JsonNode> call(String name, Call call) {
        Supplier<Attempt> once = () -> guarded(name, call);
        Attempt result = Retry.decorateSupplier(retry, once).get();
        return result.ok() ? Either.right(result.body()) : Either.left(result.failure());
    }

    private Attempt guarded(String name, Call call) {
        try {
            return circuitBreaker.executeSupplier(() -> authorised(name, call));
        } catch (CallNotPermittedException open) {
            return new Attempt(null, new QuoteSourceFailure.Unavailable("circuit open after repeated failures"), 0,
                    false);
        }
    }

    /** One call with the session; a 401 renews the session once and sends the call again. */
    private Attempt authorised(String name, Call call) {
        Either<Attempt, Session> current = session(null);
        if (current.isLeft()) {
            return current.getLeft();
        }
        Attempt first = exchange(name, api -> call.send(api, current.get().instance()));
        if (first.status() != 401) {
            return first;
        }
        LOG.info("Salesforce {}: 401 ({}), renewing the session once", name, first.failure().describe());
        Either<Attempt, Session> renewed = session(current.get());
        if (renewed.isLeft()) {
            return renewed.getLeft();
        }
        return exchange(name, api -> call.send(api, renewed.get().instance()));
    }

    /** The cached session, or a new one when there is none or {@code stale} is the cached one. */
    private Either<Attempt, Session> session(Session stale) {
        Session seen = session;
        if (seen != null && seen != stale) {
            return Either.right(seen);
        }
        synchronized (sessionLock) {
            if (session != null && session != stale) {
                return Either.right(session);
            }
            Attempt answer = exchange("oauth2/token", a -> a.token(tokenForm()));
            if (!answer.ok()) {
                if (answer.status() >= 400 && answer.status() < 500) {
                    LOG.warn("Salesforce refused the engine's credentials: {}", answer.failure().describe());
                    return Either.left(new Attempt(null, new QuoteSourceFailure.Unavailable(
                            "Salesforce refused the engine's credentials"), answer.status(), false));
                }
                return Either.left(answer);
            }
            String token = answer.body() == null ? null : answer.body().path("access_token").asText(null);
            String instance = answer.body() == null ? null : answer.body().path("instance_url").asText(null);
            if (token == null || instance == null) {
                return Either.left(new Attempt(null, new QuoteSourceFailure.Unavailable(
                        "Salesforce's token answer has no access_token or instance_url"), 0, false));
            }
            try {
                session = new Session(token, URI.create(instance.replaceAll("/+$", "")));
            } catch (IllegalArgumentException e) {
                return Either.left(new Attempt(null, new QuoteSourceFailure.Unavailable(
                        "Salesforce's instance_url is not a URL"), 0, false));
            }
            return Either.right(session);
        }
    }

    private String tokenForm() {
        StringBuilder form = new StringBuilder();
        if (settings.username() == null) {
            form.append("grant_type=client_credentials");
        } else {
            form.append("grant_type=password&username=").append(enc(settings.username()))
                    .append("&password=").append(enc(settings.password()));
        }
        return form.append("&client_id=").append(enc(settings.clientId()))
                .append("&client_secret=").append(enc(settings.clientSecret())).toString();
    }

    private Attempt exchange(String name, Function<SalesforceApi, Response> call) {
        try (Response response = call.apply(api)) {
            return read(name, response);
        } catch (RetryableException e) {
            LOG.warn("Salesforce {}: no answer: {}", name, e.getMessage());
            return new Attempt(null, new QuoteSourceFailure.Unavailable("no answer from Salesforce to " + name), 0,
                    true);
        } catch (feign.FeignException e) {
            LOG.warn("Salesforce {}: call failed: {}", name, e.getMessage());
            return new Attempt(null, new QuoteSourceFailure.Unavailable("the call to Salesforce failed"), 0, true);
        }
    }

    private Attempt read(String name, Response response) {
        int status = response.status();
        byte[] bytes;
        try (InputStream in = response.body() == null ? InputStream.nullInputStream()
                : response.body().asInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return new Attempt(null, new QuoteSourceFailure.Unavailable("Salesforce's answer to " + name
                    + " broke off"), status, true);
        }
        JsonNode body = null;
        if (bytes.length > 0) {
            try {
                body = mapper.readTree(bytes);
            } catch (IOException e) {
                body = null;
            }
        }
        if (status >= 200 && status < 300) {
            return new Attempt(body, null, status, false);
        }
        // Salesforce's error shape: [{"message": "...", "errorCode": "..."}]; the token endpoint's:
        // {"error": "...", "error_description": "..."}
        String code = "HTTP_" + status;
        String message = "HTTP " + status;
        if (body != null && body.isArray() && !body.isEmpty()) {
            code = body.get(0).path("errorCode").asText(code);
            message = body.get(0).path("message").asText(message);
        } else if (body != null && body.isObject() && body.has("error")) {
            code = body.path("error").asText(code);
            message = body.path("error_description").asText(message);
        }
        LOG.warn("Salesforce {} failed: HTTP {} {}: {}", name, status, code, message);
        if (status >= 500 || status == 429) {
            return new Attempt(null, new QuoteSourceFailure.Unavailable("Salesforce answered " + status + " " + code),
                    status, true);
        }
        if (status == 404) {
            return new Attempt(null, new QuoteSourceFailure.NotFound(name + " (" + code + ")"), status, false);
        }
        if (status == 403 && code.equals("REQUEST_LIMIT_EXCEEDED")) {
            return new Attempt(null, new QuoteSourceFailure.Unavailable("Salesforce's API request limit is reached"),
                    status, false);
        }
        return new Attempt(null, new QuoteSourceFailure.Rejected(code, message), status, false);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
