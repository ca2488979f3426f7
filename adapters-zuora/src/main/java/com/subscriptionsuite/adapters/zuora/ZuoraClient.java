package com.subscriptionsuite.adapters.zuora;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Zuora over HTTP: the OAuth token (cached, renewed 300 s before it expires, renewed once more on a
 * 401), the pinned {@code Zuora-Version}, the engine's correlation id as {@code Zuora-Track-Id}, and
 * every answer read for {@code success:false} whatever its status ({@link ZuoraFailures}).
 * <p>
 * Resilience comes from resilience4j: a safe call (a GET, or a POST with its {@code Idempotency-Key})
 * is retried with exponential backoff and jitter while its failure may pass (Zuora's temporary
 * categories, 5xx, no answer, a 429 whose {@code Retry-After} is short), other calls are tried once;
 * a circuit breaker answers {@code Unavailable("circuit open")} at once while Zuora keeps failing; a
 * semaphore bulkhead bounds the calls one instance runs at once. Feign's own retryer is off.
 */
public final class ZuoraClient {
    private static final Logger LOG = LoggerFactory.getLogger(ZuoraClient.class);
    /** The MDC key the engine's HTTP adapter keeps the request's correlation id under. */
    public static final String CORRELATION_ID = "correlationId";
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(300);

    /**
     * How hard the client tries: backoff between retries, the longest {@code Retry-After} it waits
     * for itself (a longer one is answered as {@code RateLimited}), the circuit breaker's failure rate,
     * window and open time, and how long a call waits for a place in the bulkhead.
     */
    public record Resilience(Duration initialBackoff, Duration maxRetryAfterWait, float failureRateThreshold,
            int slidingWindow, Duration openFor, Duration bulkheadWait) {
        public static Resilience defaults() {
            return new Resilience(Duration.ofMillis(200), Duration.ofSeconds(5), 50, 20, Duration.ofSeconds(30),
                    Duration.ofMillis(500));
        }
    }

    /** Zuora's answer to one call: status, JSON body (missing for files), raw bytes and media type. */
    record Answer(int status, JsonNode body, byte[] bytes, String contentType, String requestId) {
    }

    private sealed interface Attempt {
    }

    private record Answered(Answer answer) implements Attempt {
    }

    private record Failure(ZuoraFailures.Failed failed, int status) implements Attempt {
        Failure(ZuoraFailures.Failed failed) {
            this(failed, 0);
        }
    }

    final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final ZuoraSettings settings;
    private final Resilience resilience;
    private final Supplier<String> correlationId;
    private final Clock clock;
    private final ZuoraApi api;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public ZuoraClient(ZuoraSettings settings) {
        this(settings, Resilience.defaults(), () -> MDC.get(CORRELATION_ID), Clock.systemUTC());
    }

    public ZuoraClient(ZuoraSettings settings, Resilience resilience, Supplier<String> correlationId, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resilience = Objects.requireNonNull(resilience, "resilience");
        this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
        this.clock = Objects.requireNonNull(clock, "clock");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.api = Feign.builder()
                .client(new Http2Client(http))
                .encoder(encoder(new JacksonEncoder(mapper)))
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .requestInterceptor(headers())
                .target(ZuoraApi.class, settings.baseUrl());
        this.circuitBreaker = CircuitBreaker.of("zuora", CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.slidingWindow())
                .minimumNumberOfCalls(Math.min(resilience.slidingWindow(), 5))
                .waitDurationInOpenState(resilience.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordResult(r -> r instanceof Failure f && f.failed().countsAgainstCircuit())
                .ignoreExceptions(BulkheadFullException.class)
                .build());
        this.bulkhead = Bulkhead.of("zuora", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrent())
                .maxWaitDuration(resilience.bulkheadWait())
                .build());
        this.retry = Retry.of("zuora", RetryConfig.<Attempt>custom()
                .maxAttempts(settings.retryAttempts())
                .retryOnResult(a -> a instanceof Failure f && f.failed().retryable() && waitable(f.failed()))
                .intervalBiFunction(interval(resilience))
                .failAfterMaxAttempts(false)
                .build());
    }

    /** The circuit breaker's state, for health checks. */
    public String circuitState() {
        return circuitBreaker.getState().name();
    }

    /** The calls the bulkhead would let in now. */
    public int availableConcurrentCalls() {
        return bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    ZuoraApi api() {
        return api;
    }

    /**
     * Runs one call: {@code safe} when repeating it cannot book twice (a GET, a POST with its
     * Idempotency-Key); its answer, or why there is none.
     */
    Either<BillingFailure, Answer> call(String name, boolean safe, Function<ZuoraApi, Response> call) {
        Supplier<Attempt> once = () -> guarded(name, call);
        Attempt result = safe ? Retry.decorateSupplier(retry, once).get() : once.get();
        if (result instanceof Answered a) {
            return Either.right(a.answer());
        }
        return Either.left(((Failure) result).failed().failure());
    }

    /** {@link #call} with the body decoded into {@code type}. */
    <T> Either<BillingFailure, T> call(String name, boolean safe, Function<ZuoraApi, Response> call, Class<T> type) {
        return call(name, safe, call).flatMap(a -> decode(name, a, type));
    }

    <T> Either<BillingFailure, T> decode(String name, Answer answer, Class<T> type) {
        try {
            return Either.right(mapper.treeToValue(answer.body() == null ? mapper.createObjectNode() : answer.body(),
                    type));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Zuora {}: answer not understood (Zuora-Request-Id {}): {}", name, answer.requestId(),
                    e.getMessage());
            return Either.left(new BillingFailure.Unavailable("Zuora's answer to " + name + " was not understood"));
        }
    }

    private Attempt guarded(String name, Function<ZuoraApi, Response> call) {
        try {
            return circuitBreaker.executeSupplier(() -> bulkhead.executeSupplier(() -> authorised(name, call)));
        } catch (CallNotPermittedException open) {
            return new Failure(new ZuoraFailures.Failed(new BillingFailure.Unavailable("circuit open"), false, null,
                    false));
        } catch (BulkheadFullException full) {
            LOG.warn("Zuora {}: {} calls already running, none more let in", name, settings.maxConcurrent());
            return new Failure(new ZuoraFailures.Failed(new BillingFailure.Unavailable(
                    "too many concurrent calls to Zuora"), true, null, false));
        }
    }

    /** One call with a token; a 401 renews the token and tries the call once more. */
    private Attempt authorised(String name, Function<ZuoraApi, Response> call) {
        Either<ZuoraFailures.Failed, String> current = token(false);
        if (current.isLeft()) {
            return new Failure(current.getLeft());
        }
        Attempt first = exchange(name, call);
        if (first instanceof Failure f && f.status() == 401) {
            LOG.info("Zuora {}: 401, renewing the token once", name);
            Either<ZuoraFailures.Failed, String> renewed = token(true);
            if (renewed.isLeft()) {
                return new Failure(renewed.getLeft());
            }
            return exchange(name, call);
        }
        return first;
    }

    private Attempt exchange(String name, Function<ZuoraApi, Response> call) {
        try (Response response = call.apply(api)) {
            return read(name, response);
        } catch (RetryableException e) {
            LOG.warn("Zuora {}: no answer: {}", name, e.getMessage());
            return new Failure(ZuoraFailures.noAnswer("no answer from Zuora to " + name + " ("
                    + rootMessage(e) + ")"));
        } catch (feign.FeignException e) {
            LOG.warn("Zuora {}: call failed: {}", name, e.getMessage());
            return new Failure(ZuoraFailures.noAnswer("the call to Zuora failed: " + rootMessage(e)));
        }
    }

    private Attempt read(String name, Response response) {
        int status = response.status();
        String requestId = header(response, "Zuora-Request-Id");
        String contentType = header(response, "Content-Type");
        byte[] bytes;
        try (InputStream in = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            LOG.warn("Zuora {}: answer broke off (Zuora-Request-Id {}): {}", name, requestId, e.getMessage());
            return new Failure(ZuoraFailures.noAnswer("Zuora's answer to " + name + " broke off"));
        }
        JsonNode body = null;
        boolean json = contentType == null || contentType.contains("json");
        if (json && bytes.length > 0) {
            try {
                body = mapper.readTree(bytes);
            } catch (IOException e) {
                body = null;
            }
        }
        boolean success = status >= 200 && status < 300;
        if (body != null && body.isObject()) {
            JsonNode flag = body.has("success") ? body.get("success") : body.get("Success");
            if (flag != null && flag.isBoolean() && !flag.asBoolean()) {
                success = false;
            }
        }
        if (success) {
            return new Answered(new Answer(status, body, bytes, contentType, requestId));
        }
        List<ZuoraFailures.Reason> reasons = reasons(body);
        ZuoraFailures.Failed failed = ZuoraFailures.categorise(status, reasons,
                retryAfter(header(response, "Retry-After")));
        LOG.warn("Zuora {} failed: HTTP {}, Zuora-Request-Id {}, processId {}, reasons {} -> {}", name, status,
                requestId, body == null ? null : body.path("processId").asText(null), reasons,
                failed.failure().describe());
        return new Failure(failed, status);
    }

    private static List<ZuoraFailures.Reason> reasons(JsonNode body) {
        List<ZuoraFailures.Reason> reasons = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return reasons;
        }
        for (String field : List.of("reasons", "Errors", "errors")) {
            for (JsonNode r : body.path(field)) {
                JsonNode code = r.has("code") ? r.get("code") : r.get("Code");
                JsonNode message = r.has("message") ? r.get("message") : r.get("Message");
                reasons.add(new ZuoraFailures.Reason(code == null || code.isNull() ? null : code.asText(),
                        message == null || message.isNull() ? null : message.asText()));
            }
        }
        if (reasons.isEmpty() && body.hasNonNull("message")) {
            reasons.add(new ZuoraFailures.Reason(null, body.get("message").asText()));
        }
        return reasons;
    }

    // ---- the token ----------------------------------------------------------------------------

    private Either<ZuoraFailures.Failed, String> token(boolean renew) {
        String seen = token;
        if (!renew && seen != null && clock.instant().isBefore(renewAt)) {
            return Either.right(seen);
        }
        synchronized (tokenLock) {
            if (token != null && token != seen && clock.instant().isBefore(renewAt)) {
                return Either.right(token);
            }
            if (!renew && token != null && clock.instant().isBefore(renewAt)) {
                return Either.right(token);
            }
            String form = "client_id=" + enc(settings.clientId()) + "&client_secret=" + enc(settings.clientSecret())
                    + "&grant_type=client_credentials";
            Attempt answer = exchange("oauth/token", a -> a.token(form));
            if (answer instanceof Failure f) {
                if (f.failed().failure() instanceof BillingFailure.Rejected r) {
                    LOG.error("Zuora refused the OAuth client {} ({}): check {} and {}", settings.clientId(),
                            r.message(), ZuoraSettings.CLIENT_ID, ZuoraSettings.CLIENT_SECRET);
                    return Either.left(new ZuoraFailures.Failed(new BillingFailure.Unavailable(
                            "Zuora refused the adapter's credentials"), false, null, true));
                }
                return Either.left(f.failed());
            }
            JsonNode body = ((Answered) answer).answer().body();
            String fresh = body == null ? null : body.path("access_token").asText(null);
            if (fresh == null || fresh.isBlank()) {
                return Either.left(ZuoraFailures.noAnswer("Zuora's token answer has no access_token"));
            }
            long expiresIn = body.path("expires_in").asLong(3599);
            token = fresh;
            renewAt = clock.instant().plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY);
            return Either.right(fresh);
        }
    }

    /** Form bodies (the token request) go as they are; everything else as JSON. */
    private static feign.codec.Encoder encoder(feign.codec.Encoder json) {
        return (object, type, template) -> {
            if (object instanceof String form) {
                template.body(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            } else {
                json.encode(object, type, template);
            }
        };
    }

    private RequestInterceptor headers() {
        return template -> {
            if (template.path().endsWith("/oauth/token")) {
                template.removeHeader("Authorization");
            } else {
                String current = token;
                if (current != null) {
                    template.header("Authorization", "Bearer " + current);
                }
                template.header("Zuora-Version", settings.version());
            }
            if (settings.entityId() != null) {
                template.header("Zuora-Entity-Ids", settings.entityId());
            }
            String trackId = trackId(correlationId.get());
            if (trackId != null) {
                template.header("Zuora-Track-Id", trackId);
            }
        };
    }

    // ---- keys and headers ---------------------------------------------------------------------

    /** A correlation id as Zuora takes it: US-ASCII, none of {@code : ; " '}, at most 64 characters; null if none is left. */
    static String trackId(String correlationId) {
        if (correlationId == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (char c : correlationId.toCharArray()) {
            if (c > 0x20 && c < 0x7f && c != ':' && c != ';' && c != '"' && c != '\'') {
                out.append(c);
            }
            if (out.length() == 64) {
                break;
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * The {@code Idempotency-Key} of one HTTP call of a command: the request key and the call's step;
     * when that is longer than Zuora takes (255), {@code h-} and its SHA-256.
     */
    static String idempotencyKey(String requestKey, String step) {
        String key = requestKey + ":" + step;
        if (key.length() <= 255) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "h-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(Instant.now(), at.toInstant());
                return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    private boolean waitable(ZuoraFailures.Failed failed) {
        return failed.retryAfter() == null || failed.retryAfter().compareTo(resilience.maxRetryAfterWait()) <= 0;
    }

    private static IntervalBiFunction<Attempt> interval(Resilience resilience) {
        return (attempt, either) -> {
            long base = resilience.initialBackoff().toMillis() * (1L << Math.min(10, Math.max(0, attempt - 1)));
            long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
            if (either != null && either.isRight() && either.get() instanceof Failure f
                    && f.failed().retryAfter() != null) {
                return Math.max(jittered, f.failed().retryAfter().toMillis());
            }
            return jittered;
        };
    }

    private static String header(Response response, String name) {
        for (Map.Entry<String, Collection<String>> h : response.headers().entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().iterator().next();
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    public String toString() {
        return "ZuoraClient[" + settings + "]";
    }
}
