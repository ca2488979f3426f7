package com.subscriptionsuite.adapters.zuora.revenue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
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
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RevenueFeed} over Zuora Revenue's integration API (Feign). Authentication sends basic
 * credentials with the {@code role} and {@code clientname} headers and reads the token from the
 * {@code Revpro-Token} response header (as public clients do; Zuora's document does not say where it
 * comes back); the token is kept for its lifetime (30 minutes) and renewed
 * {@link RevenueSettings#RENEW_BEFORE} before it ends; a 401 renews it once and repeats the call once.
 * <p>
 * Resilience4j: safe calls (the GETs and the authentication) are retried with exponential backoff while
 * they fail for a passing reason (no answer, 5xx, 429); the upload is sent once (Zuora Revenue takes no
 * idempotency key: the caller looks an interrupted upload up instead); a circuit breaker answers
 * {@code Unavailable} at once while Zuora Revenue keeps failing. Feign's retryer is off. A 405 (the API
 * service is not enabled for the tenant) is {@link RevenueFeedFailure.ApiNotEnabled}, never retried.
 * Response keys are read case-insensitively ({@code Result}/{@code result}, {@code Message}/{@code message}).
 */
public final class ZuoraRevenueFeed implements RevenueFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ZuoraRevenueFeed.class);
    static final String TOKEN_HEADER = "Revpro-Token";

    private final RevenueSettings settings;
    private final Clock clock;
    private final RevenueApi api;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Object tokenLock = new Object();
    private volatile String token;
    private volatile Instant renewAt = Instant.MIN;

    public ZuoraRevenueFeed(RevenueSettings settings) {
        this(settings, Clock.systemUTC(), Duration.ofMillis(200));
    }

    /** {@code clock} decides when the token is renewed; {@code backoff} is the first retry's wait. */
    public ZuoraRevenueFeed(RevenueSettings settings, Clock clock, Duration backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.api = Feign.builder()
                .client(new Http2Client(http))
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .target(RevenueApi.class, settings.baseUrl());
        this.circuitBreaker = CircuitBreaker.of("zuora-revenue", CircuitBreakerConfig.custom()
                .failureRateThreshold(50).slidingWindowSize(10).minimumNumberOfCalls(5)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordResult(r -> r instanceof Either<?, ?> e && e.isLeft()
                        && e.getLeft() instanceof RevenueFeedFailure.Unavailable)
                .build());
        this.retry = Retry.of("zuora-revenue", RetryConfig.<Either<RevenueFeedFailure, Answer>>custom()
                .maxAttempts(settings.retryAttempts())
                .retryOnResult(r -> r.isLeft() && r.getLeft() instanceof RevenueFeedFailure.Unavailable)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(backoff, 2.0, 0.5))
                .failAfterMaxAttempts(false)
                .build());
    }

    /** One answer: status, JSON body (null if none or not JSON), the token header. */
    record Answer(int status, JsonNode body, String tokenHeader) {
    }

    // ---- the port -------------------------------------------------------------------------------

    @Override
    public Either<RevenueFeedFailure, UploadTemplate> template() {
        return call("mapping", true, (api, t) -> api.mapping(t, settings.template())).flatMap(a -> {
            if (a.status() == 400 || a.body() == null) {
                return Either.left(new RevenueFeedFailure.Misconfigured("Zuora Revenue has no mapping for the upload"
                        + " template '" + settings.template() + "' (HTTP " + a.status() + "): check "
                        + RevenueSettings.TEMPLATE));
            }
            if (a.status() != 200) {
                return Either.left(unexpected("mapping", a));
            }
            List<TemplateColumn> columns = new ArrayList<>();
            for (JsonNode m : array(a.body(), "mapping")) {
                columns.add(new TemplateColumn(text(m, "col_name", ""), text(m, "label", ""),
                        text(m, "data_type", ""), field(m, "seq") == null ? columns.size() + 1 : field(m, "seq").asInt()));
            }
            String format = text(a.body(), "dateformat", null);
            if (format == null || columns.isEmpty()) {
                return Either.left(new RevenueFeedFailure.Misconfigured("the mapping of template '"
                        + settings.template() + "' has no " + (format == null ? "date format" : "columns")));
            }
            return Either.right(new UploadTemplate(format, columns));
        });
    }

    @Override
    public Either<RevenueFeedFailure, UploadOutcome> upload(String filename, String csv) {
        return call("upload " + filename, false, (api, t) -> api.upload(t, settings.template(), filename, csv))
                .flatMap(a -> {
                    JsonNode result = field(a.body(), "result");
                    Long id = result == null || field(result, "id") == null ? null : field(result, "id").asLong();
                    if (a.status() == 200 && id != null) {
                        return Either.right(new UploadOutcome.Staged(id, text(a.body(), "message", "")));
                    }
                    if (a.status() == 400 && a.body() != null) {
                        String why = text(a.body(), "message", "Error loading Data into Staging Area")
                                + (result == null ? "" : ": " + text(result, "message", ""));
                        return Either.right(new UploadOutcome.FailedAsAWhole(id, why));
                    }
                    return Either.left(unexpected("upload", a));
                });
    }

    @Override
    public Either<RevenueFeedFailure, UploadState> status(long uploadId) {
        return call("upload status " + uploadId, true, (api, t) -> api.status(t, uploadId)).flatMap(a -> {
            JsonNode result = field(a.body(), "result");
            if (a.status() != 200 || result == null || !result.isObject()) {
                return Either.left(a.status() == 400
                        ? new RevenueFeedFailure.Rejected("400", text(a.body(), "message", "No data found"))
                        : unexpected("upload status", a));
            }
            String status = text(result, "status", "");
            String lower = status.toLowerCase(Locale.ROOT);
            UploadState.Phase phase = lower.contains("success") ? UploadState.Phase.LOADED
                    : lower.contains("fail") || lower.contains("error") ? UploadState.Phase.FAILED
                            : UploadState.Phase.IN_PROGRESS;
            return Either.right(new UploadState(uploadId, status, text(result, "message", null), phase));
        });
    }

    @Override
    public Either<RevenueFeedFailure, List<StageError>> stageErrors(StageErrorKind kind) {
        return call("stage errors " + kind.pathName(), true, (api, t) -> api.stageErrors(t, kind.pathName()))
                .flatMap(a -> {
                    if (a.status() == 204) {
                        return Either.right(List.of());
                    }
                    if (a.status() != 200) {
                        return Either.left(unexpected("stage errors", a));
                    }
                    List<StageError> errors = new ArrayList<>();
                    for (JsonNode e : array(a.body(), "result")) {
                        errors.add(new StageError(text(e, "upload_id", null), text(e, "so_num", null),
                                text(e, "so_line_num", null), text(e, "type", null), text(e, "err_msg", null)));
                    }
                    return Either.right(errors);
                });
    }

    /** Zuora Revenue's API has no lookup by file name: an interrupted upload's fate is for an admin to find. */
    @Override
    public Either<RevenueFeedFailure, Lookup> find(String filename) {
        return Either.right(new Lookup.CannotTell());
    }

    // ---- calls ----------------------------------------------------------------------------------

    private interface Call extends java.util.function.BiFunction<RevenueApi, String, Response> {
    }

    /** A call with a token: {@code safe} calls are retried while they fail for a passing reason. */
    private Either<RevenueFeedFailure, Answer> call(String name, boolean safe, Call call) {
        Supplier<Either<RevenueFeedFailure, Answer>> once = () -> guarded(name, call);
        return safe ? Retry.decorateSupplier(retry, once).get() : once.get();
    }

    private Either<RevenueFeedFailure, Answer> guarded(String name, Call call) {
        try {
            return circuitBreaker.executeSupplier(() -> authorised(name, call));
        } catch (CallNotPermittedException open) {
            return Either.left(new RevenueFeedFailure.Unavailable("circuit open", false));
        }
    }

    private Either<RevenueFeedFailure, Answer> authorised(String name, Call call) {
        Either<RevenueFeedFailure, String> current = token(null);
        if (current.isLeft()) {
            return Either.left(notSent(current.getLeft()));
        }
        Either<RevenueFeedFailure, Answer> first = exchange(name, api -> call.apply(api, current.get()));
        if (first.isRight() && first.get().status() == 401) {
            LOG.info("Zuora Revenue {}: 401, renewing the token once", name);
            Either<RevenueFeedFailure, String> renewed = token(current.get());
            if (renewed.isLeft()) {
                return Either.left(notSent(renewed.getLeft()));
            }
            Either<RevenueFeedFailure, Answer> second = exchange(name, api -> call.apply(api, renewed.get()));
            if (second.isRight() && second.get().status() == 401) {
                return Either.left(new RevenueFeedFailure.AuthenticationFailed("a fresh token was refused too ("
                        + name + ")"));
            }
            return second;
        }
        return first;
    }

    /** The token; {@code stale} (refused by a 401) is renewed unless another call renewed it meanwhile. */
    private Either<RevenueFeedFailure, String> token(String stale) {
        String seen = token;
        if (seen != null && !seen.equals(stale) && clock.instant().isBefore(renewAt)) {
            return Either.right(seen);
        }
        synchronized (tokenLock) {
            if (token != null && !token.equals(stale) && clock.instant().isBefore(renewAt)) {
                return Either.right(token);
            }
            String basic = "Basic " + Base64.getEncoder().encodeToString((settings.user() + ":" + settings.password())
                    .getBytes(StandardCharsets.UTF_8));
            Either<RevenueFeedFailure, Answer> answer = Retry.decorateSupplier(retry, () -> exchange("authenticate",
                    api -> api.authenticate(basic, settings.role(), settings.clientName()))).get();
            if (answer.isLeft()) {
                return Either.left(answer.getLeft());
            }
            Answer a = answer.get();
            if (a.status() == 401 || a.status() == 403) {
                LOG.error("Zuora Revenue refused the user {} (role {}, client {}): HTTP {}", settings.user(),
                        settings.role(), settings.clientName(), a.status());
                return Either.left(new RevenueFeedFailure.AuthenticationFailed("HTTP " + a.status() + ": "
                        + text(a.body(), "message", "")));
            }
            if (a.status() != 200) {
                return Either.left(unexpected("authenticate", a));
            }
            if (a.tokenHeader() == null || a.tokenHeader().isBlank()) {
                return Either.left(new RevenueFeedFailure.Unavailable("Zuora Revenue's authentication answer has no "
                        + TOKEN_HEADER + " header", false));
            }
            token = a.tokenHeader();
            renewAt = clock.instant().plus(settings.tokenLifetime()).minus(RevenueSettings.RENEW_BEFORE);
            return Either.right(token);
        }
    }

    /** One HTTP exchange: its answer (whatever the status, but 405 and 5xx), or why there is none. */
    private Either<RevenueFeedFailure, Answer> exchange(String name, Function<RevenueApi, Response> call) {
        try (Response response = call.apply(api)) {
            int status = response.status();
            byte[] bytes;
            try (InputStream in = response.body() == null ? InputStream.nullInputStream()
                    : response.body().asInputStream()) {
                bytes = in.readAllBytes();
            }
            if (status == 405) {
                LOG.error("Zuora Revenue {}: 405, the API service is not enabled for the tenant", name);
                return Either.left(new RevenueFeedFailure.ApiNotEnabled());
            }
            if (status >= 500 || status == 429) {
                LOG.warn("Zuora Revenue {}: HTTP {}", name, status);
                return Either.left(new RevenueFeedFailure.Unavailable("Zuora Revenue answered HTTP " + status
                        + " to " + name, true));
            }
            JsonNode body = null;
            if (bytes.length > 0) {
                try {
                    body = mapper.readTree(bytes);
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return Either.right(new Answer(status, body, header(response, TOKEN_HEADER)));
        } catch (RetryableException e) {
            boolean refused = connectionRefused(e);
            LOG.warn("Zuora Revenue {}: no answer ({})", name, root(e).toString());
            return Either.left(new RevenueFeedFailure.Unavailable("no answer from Zuora Revenue to " + name + " ("
                    + root(e).getClass().getSimpleName() + ")", !refused));
        } catch (feign.FeignException | IOException e) {
            LOG.warn("Zuora Revenue {}: call failed ({})", name, e.toString());
            return Either.left(new RevenueFeedFailure.Unavailable("the call to Zuora Revenue failed: " + name, true));
        }
    }

    /** A failure before the call itself was sent (while authenticating): the call was not received. */
    private static RevenueFeedFailure notSent(RevenueFeedFailure failure) {
        return failure instanceof RevenueFeedFailure.Unavailable u
                ? new RevenueFeedFailure.Unavailable(u.reason(), false) : failure;
    }

    // ---- reading answers ------------------------------------------------------------------------

    private static RevenueFeedFailure unexpected(String name, Answer a) {
        return new RevenueFeedFailure.Rejected(String.valueOf(a.status()), name + ": "
                + text(a.body(), "message", "unexpected answer"));
    }

    /** A field by name, whatever its case (Zuora Revenue mixes {@code Result}/{@code result}...). */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name, String fallback) {
        JsonNode value = field(node, name);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static List<JsonNode> array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        List<JsonNode> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(items::add);
        }
        return items;
    }

    private static String header(Response response, String name) {
        for (Map.Entry<String, Collection<String>> h : response.headers().entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().iterator().next();
            }
        }
        return null;
    }

    private static boolean connectionRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public String toString() {
        return "ZuoraRevenueFeed[" + settings + "]";
    }
}
