package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.ServerHarness.env;
import static com.subscriptionsuite.bootstrap.ServerHarness.get;
import static com.subscriptionsuite.bootstrap.ServerHarness.start;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server's health, request ids, request log and shutdown (docs/observability.md). */
class ObservabilityServerIT {
    @TempDir
    Path dataDir;

    @Test
    void is_ready_with_its_database_migrated_and_a_tenant_defined() {
        try (Server server = start(env(dataDir))) {
            var ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"not_ready\":[]}");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void is_live_but_not_ready_without_any_tenant() {
        try (Server server = start(env(dataDir, "SUITE_DEMO_TENANT", "false"))) {
            var ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("\"check\":\"tenants\"")
                    .doesNotContain("\"check\":\"database\"");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void on_close_finishes_the_request_in_flight_refuses_new_ones_and_only_then_closes_the_pool() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHasher real = Argon2PasswordHasher.forTests();
        PasswordHasher held = new PasswordHasher() {
            @Override
            public String hash(String password) {
                hashing.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.hash(password);
            }

            @Override
            public boolean verify(String password, String hash) {
                return real.verify(password, hash);
            }
        };
        Server server = Server.start(ServerConfig.fromEnvironment(env(dataDir, "SUITE_SHUTDOWN_GRACE_SECONDS", "60")),
                ServerHarness.CLOCK, held);
        int port = server.port();
        // a thread each: CompletableFuture's default pool may have one thread on two cores (JDK 25's does), and
        // the close must start while the registration is still in flight
        java.util.concurrent.Executor ownThread = task -> new Thread(task, "observability-it").start();
        CompletableFuture<HttpResponse<String>> registering = CompletableFuture.supplyAsync(() -> ServerHarness.post(
                server, "/register", "{\"user\":{\"email\":\"ann@example.com\",\"password\":\"violet-anchor-tundra-47\"},"
                        + "\"language\":\"en\"}"), ownThread);
        assertThat(hashing.await(30, TimeUnit.SECONDS)).as("the registration reached the hasher").isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, ownThread);
        assertThat(refusedSoon(port)).as("a new request is refused once close started").isTrue();
        assertThat(closing).as("close waits for the request in flight").isNotDone();
        assertThat(registering).isNotDone();

        release.countDown();
        HttpResponse<String> registered = registering.get(30, TimeUnit.SECONDS);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).contains("\"token\"");
        closing.get(30, TimeUnit.SECONDS);
    }

    /** Whether a new connection's request is refused (connection refused, or 503) within 20 s of asking. */
    private static boolean refusedSoon(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            try {
                HttpResponse<String> reply = fresh.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/live")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 503) {
                    return true;
                }
            } catch (IOException refused) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
