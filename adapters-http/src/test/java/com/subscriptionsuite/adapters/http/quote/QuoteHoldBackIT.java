package com.subscriptionsuite.adapters.http.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A miss held back by {@link QuoteEndpoints#holdBack} keeps its answer and its request log line, and while it
 * is held no request thread waits for it: twenty held misses at once leave Jetty's pool (of 40) as idle as
 * before they came.
 */
class QuoteHoldBackIT {
    private static final int HELD = 20;
    private final QueuedThreadPool threads = new QueuedThreadPool(40, 8);
    private final AtomicInteger handled = new AtomicInteger();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private URI start(Duration hold) {
        app = Javalin.create(config -> {
            config.jetty.threadPool = threads;
            config.requestLogger.http((ctx, millis) -> logged.add(ctx.statusCode() + " " + ctx.result()));
            config.router.mount(router -> router.addHttpHandler(HandlerType.GET, "/quote/{guid}", ctx -> {
                ctx.status(404).contentType("application/json").result("{\"code\":\"quote_not_found\"}");
                handled.incrementAndGet();
                QuoteEndpoints.holdBack(ctx, hold);
            }));
        }).start("127.0.0.1", 0);
        return URI.create("http://127.0.0.1:" + app.port() + "/quote/");
    }

    @Test
    void held_misses_answer_as_set_and_hold_no_request_thread_meanwhile() throws Exception {
        URI base = start(Duration.ofSeconds(8)); // long enough for all twenty to arrive and be counted, under load
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Jetty's own threads (acceptor, selectors) stay busy whatever the handlers do: the baseline
        int busyBefore = threads.getBusyThreads();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < HELD; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(base.resolve("g" + i)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < HELD && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(handled.get()).as("every request reached the handler").isEqualTo(HELD);
        assertThat(answers).as("none answered before its hold is over").noneMatch(CompletableFuture::isDone);

        // a thread that ran a handler needs a moment to go back to the pool: look until the threads are back,
        // for up to 3 s, while every answer is still held (a handler that slept would keep 20 busy throughout)
        int busyWhileHeld;
        long lookUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (true) {
            busyWhileHeld = threads.getBusyThreads() - busyBefore;
            if (busyWhileHeld < 5 || System.nanoTime() > lookUntil) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(answers).as("still held when the threads were counted").noneMatch(CompletableFuture::isDone);
        assertThat(busyWhileHeld).as("request threads busy while %d misses are held", HELD).isLessThan(5);

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"code\":\"quote_not_found\"}");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        assertThat(logged).hasSize(HELD).allMatch(line -> line.equals("404 {\"code\":\"quote_not_found\"}"));
    }

    @Test
    void nothing_to_hold_answers_at_once() throws Exception {
        URI base = start(Duration.ZERO);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("g")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"code\":\"quote_not_found\"}");
    }
}
