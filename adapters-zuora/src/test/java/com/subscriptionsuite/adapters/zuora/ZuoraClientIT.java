package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The client's HTTP behaviour against a loopback stub that answers as Zuora does (token endpoint,
 * error bodies, 401, 429 with Retry-After, 5xx, slow answers): token reuse and renewal, what is
 * retried and with which key, the circuit breaker, the bulkhead, timeouts and what is logged.
 */
class ZuoraClientIT {
    private static final String SECRET = "very-secret-value-42";

    /** One request the stub saw. */
    record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A canned answer. */
    record Canned(int status, String body, Map<String, String> headers, long delayMillis) {
        static Canned ok(String body) {
            return new Canned(200, body, Map.of(), 0);
        }
    }

    private HttpServer server;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Canned> script = new ConcurrentLinkedDeque<>();
    private volatile Canned fallback = Canned.ok("{\"success\":true,\"basicInfo\":{\"id\":\"a1\"}}");
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private volatile String validToken = "token-1";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen request = new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()),
                body);
        seen.add(request);
        int now = running.incrementAndGet();
        mostRunning.accumulateAndGet(now, Math::max);
        try {
            Canned answer;
            if (request.path().equals("/oauth/token")) {
                int n = tokens.incrementAndGet();
                validToken = "token-" + n;
                answer = Canned.ok("{\"access_token\":\"" + validToken + "\",\"token_type\":\"bearer\",\"expires_in\":3599}");
            } else if (!("Bearer " + validToken).equals(request.header("Authorization"))) {
                answer = new Canned(401, "{\"message\":\"Authentication error\"}", Map.of(), 0);
            } else {
                Canned next = script.pollFirst();
                answer = next == null ? fallback : next;
            }
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("Zuora-Request-Id", "req-" + seen.size());
            answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the client gave up (timeout test)
        } finally {
            running.decrementAndGet();
            ex.close();
        }
    }

    private ZuoraClient client(Function<ZuoraSettings, ZuoraSettings> tune, ZuoraClient.Resilience resilience) {
        ZuoraSettings settings = tune.apply(ZuoraSettings.of("http://127.0.0.1:" + server.getAddress().getPort(),
                "client-id", SECRET));
        return new ZuoraClient(settings, resilience, () -> "corr:id;42", Clock.systemUTC());
    }

    private ZuoraClient client() {
        return client(s -> s, fast());
    }

    private static ZuoraClient.Resilience fast() {
        return new ZuoraClient.Resilience(Duration.ofMillis(20), Duration.ofSeconds(2), 50, 4, Duration.ofMillis(300),
                Duration.ZERO);
    }

    private static Either<BillingFailure, ZuoraClient.Answer> read(ZuoraClient c) {
        return c.call("account", true, api -> api.account("a1"));
    }

    private static Either<BillingFailure, ZuoraClient.Answer> post(ZuoraClient c, String key) {
        return c.call("create account", true, api -> api.createAccount(key, new ZuoraDtos.CreateAccount("Ann", "EUR",
                6, false, null, null, null, null, null, Map.of())));
    }

    private List<Seen> calls(String path) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.path().equals(path)).toList();
        }
    }

    @Test
    void fetches_a_token_once_by_form_without_authorization_and_sends_the_pinned_headers() {
        ZuoraClient c = client();

        assertThat(read(c).isRight()).isTrue();
        assertThat(read(c).isRight()).isTrue();

        assertThat(tokens.get()).isEqualTo(1);
        Seen token = calls("/oauth/token").get(0);
        assertThat(token.header("Authorization")).isNull();
        assertThat(token.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.body()).contains("grant_type=client_credentials", "client_id=client-id");
        Seen call = calls("/v1/accounts/a1").get(0);
        assertThat(call.header("Zuora-Version")).isEqualTo(ZuoraSettings.DEFAULT_VERSION);
        assertThat(call.header("Zuora-Track-Id")).isEqualTo("corrid42");
        assertThat(call.header("Idempotency-Key")).isNull();
    }

    @Test
    void renews_the_token_once_on_a_401_and_repeats_the_call() {
        ZuoraClient c = client();
        assertThat(read(c).isRight()).isTrue();
        validToken = "revoked-by-zuora";

        Either<BillingFailure, ZuoraClient.Answer> answer = read(c);

        assertThat(answer.isRight()).as("%s", answer).isTrue();
        assertThat(tokens.get()).isEqualTo(2);
        assertThat(calls("/v1/accounts/a1")).hasSize(3);
    }

    @Test
    void a_success_false_answer_is_a_failure_whatever_its_status() {
        ZuoraClient c = client();
        script.add(Canned.ok("{\"success\":false,\"processId\":\"P1\",\"reasons\":[{\"code\":53100320,"
                + "\"message\":\"billToContact is required\"}]}"));

        Either<BillingFailure, ZuoraClient.Answer> answer = post(c, "op:open/account");

        assertThat(answer.getLeft()).isEqualTo(new BillingFailure.Rejected("53100320", "billToContact is required"));
        assertThat(calls("/v1/accounts")).hasSize(1);
    }

    @Test
    void retries_a_rate_limited_call_after_retry_after_with_the_same_idempotency_key() {
        ZuoraClient c = client();
        script.add(new Canned(429, "{\"success\":false,\"reasons\":[{\"code\":50000070,\"message\":\"slow down\"}]}",
                Map.of("Retry-After", "1"), 0));
        long started = System.nanoTime();

        Either<BillingFailure, ZuoraClient.Answer> answer = post(c, "op-7:open-account/account");

        assertThat(answer.isRight()).as("%s", answer).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(calls("/v1/accounts")).extracting(s -> s.header("Idempotency-Key"))
                .containsExactly("op-7:open-account/account", "op-7:open-account/account");
    }

    @Test
    void answers_rate_limited_when_zuora_asks_to_wait_longer_than_the_client_waits() {
        ZuoraClient c = client();
        script.add(new Canned(429, "{}", Map.of("Retry-After", "30"), 0));

        Either<BillingFailure, ZuoraClient.Answer> answer = read(c);

        assertThat(answer.getLeft()).isEqualTo(new BillingFailure.RateLimited(Duration.ofSeconds(30)));
        assertThat(calls("/v1/accounts/a1")).hasSize(1);
    }

    @Test
    void retries_a_server_error_of_a_keyed_post_with_its_key_and_gives_up_as_unavailable() {
        ZuoraClient c = client();
        for (int i = 0; i < 3; i++) {
            script.add(new Canned(503, "{\"reasons\":[{\"code\":50000061,\"message\":\"try later\"}]}", Map.of(), 0));
        }

        Either<BillingFailure, ZuoraClient.Answer> answer = post(c, "op-8:subscribe/order");

        assertThat(answer.getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
        assertThat(calls("/v1/accounts")).hasSize(3).extracting(s -> s.header("Idempotency-Key"))
                .containsOnly("op-8:subscribe/order");
    }

    @Test
    void never_retries_an_unsafe_call() {
        ZuoraClient c = client();
        script.add(new Canned(503, "{}", Map.of(), 0));

        Either<BillingFailure, ZuoraClient.Answer> answer = c.call("update account", false,
                api -> api.updateAccount("a1", new ZuoraDtos.UpdateAccount("Ann", null, null, null, null, Map.of())));

        assertThat(answer.getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
        assertThat(calls("/v1/accounts/a1")).hasSize(1);
    }

    @Test
    void opens_the_circuit_while_zuora_is_down_and_closes_it_when_zuora_is_back() throws Exception {
        ZuoraClient c = client(s -> s.withRetryAttempts(1), fast());
        fallback = new Canned(503, "{}", Map.of(), 0);
        for (int i = 0; i < 4; i++) {
            assertThat(read(c).getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
        }
        int before = calls("/v1/accounts/a1").size();

        Either<BillingFailure, ZuoraClient.Answer> fast = read(c);

        assertThat(fast.getLeft()).isEqualTo(new BillingFailure.Unavailable("circuit open"));
        assertThat(calls("/v1/accounts/a1")).hasSize(before);
        assertThat(c.circuitState()).isEqualTo("OPEN");

        fallback = Canned.ok("{\"success\":true}");
        Thread.sleep(400);
        assertThat(read(c).isRight()).isTrue();
        assertThat(c.circuitState()).isEqualTo("CLOSED");
    }

    @Test
    void lets_no_more_than_max_concurrent_calls_run_at_once() throws Exception {
        ZuoraClient c = client(s -> s.withMaxConcurrent(2).withRetryAttempts(1), fast());
        assertThat(read(c).isRight()).isTrue();
        mostRunning.set(0);
        fallback = new Canned(200, "{\"success\":true}", Map.of(), 400);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Either<BillingFailure, ZuoraClient.Answer>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> read(c)));
            }
            int refused = 0;
            for (Future<Either<BillingFailure, ZuoraClient.Answer>> f : answers) {
                Either<BillingFailure, ZuoraClient.Answer> a = f.get();
                if (a.isLeft()) {
                    assertThat(a.getLeft()).isEqualTo(new BillingFailure.Unavailable("too many concurrent calls to Zuora"));
                    refused++;
                }
            }
            assertThat(mostRunning.get()).isLessThanOrEqualTo(2);
            assertThat(refused).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_slow_answer_is_unavailable_after_the_read_timeout() {
        ZuoraClient c = client(s -> s.withReadTimeout(Duration.ofMillis(300)).withRetryAttempts(1), fast());
        assertThat(read(c).isRight()).isTrue();
        script.add(new Canned(200, "{\"success\":true}", Map.of(), 1500));

        Either<BillingFailure, ZuoraClient.Answer> answer = read(c);

        assertThat(answer.getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
    }

    @Test
    void a_refused_connection_is_unavailable() {
        server.stop(0);
        ZuoraClient c = client(s -> s.withRetryAttempts(1), fast());

        assertThat(read(c).getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
    }

    @Test
    void logs_zuoras_request_id_on_a_failure_and_never_the_secret_or_the_token() {
        Logger logger = (Logger) LoggerFactory.getLogger(ZuoraClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            ZuoraClient c = client();
            script.add(new Canned(400, "{\"success\":false,\"reasons\":[{\"code\":53100320,\"message\":\"bad\"}]}",
                    Map.of(), 0));
            assertThat(read(c).isLeft()).isTrue();
            validToken = "revoked";
            read(c);

            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("Zuora-Request-Id req-"));
            assertThat(String.join("\n", lines)).doesNotContain(SECRET).doesNotContain("token-1")
                    .doesNotContain("token-2");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
