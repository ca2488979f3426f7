package com.subscriptionsuite.bootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code cds-training}: the training run of the class-data-sharing archive the build produces
 * ({@code bootstrap/target/subscription-suite.jsa}, docs/benchmarks.md "Startup"). The build runs
 * {@code java -XX:ArchiveClassesAtExit=… -jar subscription-suite.jar cds-training} during {@code package};
 * this command does what a first start does (a fresh H2 file database in a temporary directory, from the
 * build's schema template, the demo tenant, the HTTP server on a free loopback port), sends the requests a
 * shop's first visitors send (readiness, a shop page, the catalog, the configuration, a price preview, an
 * unknown path), stops the server, starts it again on the same directory (a restart: Flyway checks the
 * schema's history) with the same requests, stops it, deletes the directory and exits, so that the JVM
 * writes every class it loaded (with the lambda classes it generated) into the archive. A server started with
 * {@code -XX:SharedArchiveFile=…} then maps those classes instead of loading, verifying and spinning
 * them again. It reads none of the {@code SUITE_*} settings: it never touches a configured database.
 */
final class CdsTraining {
    static final String NAME = "cds-training";

    private static final String PREVIEW = "{\"currency\":\"EUR\",\"account\":{\"country\":\"FR\",\"zip_code\":\"75001\","
            + "\"is_company\":false},\"suite_products\":[{\"id\":2,\"quantity\":5,\"order_pos\":0},"
            + "{\"id\":4,\"quantity\":150,\"order_pos\":1},{\"id\":5,\"quantity\":150,\"order_pos\":2}]}";

    private CdsTraining() {
    }

    /** Runs the training; 0 when every request was answered as expected, else 1 (the build then fails). */
    static int run(PrintStream out, PrintStream err) {
        Path data;
        try {
            data = Files.createTempDirectory("suite-cds-training");
        } catch (IOException e) {
            err.println("cds-training: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try {
            ServerConfig config = ServerConfig.fromEnvironment(Map.of(
                    "SUITE_DATA_DIR", data.toString(),
                    "SUITE_HTTP_HOST", "127.0.0.1",
                    "SUITE_HTTP_PORT", "0",
                    "SUITE_SHUTDOWN_GRACE_SECONDS", "5"));
            int first;
            try (Server server = Server.start(config, Clock.systemUTC())) {
                first = requests(server.port(), out, err);
            }
            // and a restart on the same directory: the way that runs Flyway (it checks the history the first start's
            // database came with), so that a restart's classes are in the archive too
            try (Server server = Server.start(config, Clock.systemUTC())) {
                return Math.max(first, requests(server.port(), out, err));
            }
        } finally {
            delete(data);
        }
    }

    private record Call(String method, String path, String body, int expected) {
    }

    private static int requests(int port, PrintStream out, PrintStream err) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Call> calls = List.of(
                new Call("GET", "/health/ready", null, 200),
                new Call("GET", "/health", null, 200),
                new Call("GET", "/page/1", null, 200),
                new Call("GET", "/product", null, 200),
                new Call("GET", "/config", null, 200),
                new Call("GET", "/translation?lang=en", null, 200),
                new Call("POST", "/subscription/preview", PREVIEW, 200),
                new Call("POST", "/subscription/preview", "{\"currency\":1}", 400),
                new Call("GET", "/no-such-route", null, 404),
                new Call("GET", "/openapi.yaml", null, 200));
        int failures = 0;
        // twice: the second round loads what only a warm path reaches (cached tenants, pooled connections)
        for (int round = 0; round < 2; round++) {
            for (Call call : calls) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                        .timeout(Duration.ofSeconds(30));
                if (call.body() == null) {
                    request.GET();
                } else {
                    request.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call.body()));
                }
                try {
                    int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != call.expected()) {
                        err.println("cds-training: " + call.method() + " " + call.path() + " answered " + status
                                + ", expected " + call.expected());
                        failures++;
                    }
                } catch (IOException e) {
                    err.println("cds-training: " + call.method() + " " + call.path() + " failed: " + e);
                    failures++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
        }
        out.println("cds-training: " + calls.size() * 2 + " requests, " + failures + " unexpected answers");
        return failures == 0 ? 0 : 1;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cds-training: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
