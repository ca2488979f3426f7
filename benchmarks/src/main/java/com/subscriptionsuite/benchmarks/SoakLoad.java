package com.subscriptionsuite.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak run (issue 15, "Memory"): the server jar started as the README starts it ({@code java
 * <heap flags> -jar bootstrap/target/subscription-suite.jar}) on a fresh H2 data directory with the
 * demo tenant, then N client threads run whole customer journeys for the given minutes, each as a
 * shop backend would send them (a trusted proxy forwarding a different customer address per
 * journey): register (Argon2 at the production cost), shop page, three previews, checkout with an
 * {@code Idempotency-Key}, account, subscriptions, invoices and one invoice's PDF, a quantity change
 * preview and booking, a cancel, a guest login with a refused voucher code, logout. Every
 * {@code --sample} seconds it prints the server's resident memory ({@code VmRSS} of its process from
 * /proc) and its heap and non-heap in use (from its own {@code /metrics}), the journeys done and the
 * answers by status. Nothing here measures speed; the question is whether memory stays flat after
 * warm-up.
 *
 * <pre>
 * mvn -B -ntp -q package -DskipTests
 * mvn -B -ntp -q -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp benchmarks/target/classes:$(cat /tmp/cp.txt) com.subscriptionsuite.benchmarks.SoakLoad \
 *     --minutes=30 --clients=4 --sample=60 --jvm="-Xmx512m"
 * </pre>
 */
public final class SoakLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String ACCOUNT = """
            {"is_company": false, "first_name": "Soak", "last_name": "Customer %1$d", "street": "Invalidenstr. 1",
             "zip_code": "10115", "city": "Berlin", "country": "DE", "email": "soak%1$d@example.com",
             "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}""";
    private static final String PREVIEW = """
            {"currency":"EUR","account":{"country":"FR","zip_code":"75001","is_company":false},
             "suite_products":[{"id":2,"quantity":5,"order_pos":0},{"id":4,"quantity":150,"order_pos":1},
             {"id":5,"quantity":150,"order_pos":2}]}""";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder journeys = new LongAdder();
    private final LongAdder failedJourneys = new LongAdder();
    private final AtomicInteger next = new AtomicInteger();
    private final String base;

    private SoakLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            given.put(kv[0], kv.length == 2 ? kv[1] : "");
        }
        double minutes = Double.parseDouble(given.getOrDefault("minutes", "30"));
        int clients = Integer.parseInt(given.getOrDefault("clients", "4"));
        int sample = Integer.parseInt(given.getOrDefault("sample", "60"));
        String jvm = given.getOrDefault("jvm", "-Xmx512m");
        Path jar = Path.of(given.getOrDefault("jar", "bootstrap/target/subscription-suite.jar"));
        Path dataDir = Files.createTempDirectory("soak-data");
        int port = freePort();
        int metricsPort = freePort();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : jvm.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().put("SUITE_DATA_DIR", dataDir.toString());
        builder.environment().put("SUITE_HTTP_HOST", "127.0.0.1");
        builder.environment().put("SUITE_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SUITE_METRICS_PORT", Integer.toString(metricsPort));
        builder.environment().put("SUITE_TRUSTED_PROXIES", "127.0.0.1");
        builder.environment().put("SUITE_VIES_URL", "http://127.0.0.1:9/check-vat-number");
        Process server = builder.start();
        SoakLoad soak = new SoakLoad("http://127.0.0.1:" + port);
        try {
            soak.awaitReady(Duration.ofSeconds(60));
            System.out.printf("server pid %d, %s, data %s, %d clients, %.1f minutes%n", server.pid(), command,
                    dataDir, clients, minutes);
            System.out.println("| minute | RSS MiB | heap used MiB | heap committed MiB | non-heap MiB | journeys | failed journeys | answers by status |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        soak.journey();
                    }
                }, "soak-" + i);
                t.start();
                threads.add(t);
            }
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            soak.print(server, metricsPort, start);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(sample * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                soak.print(server, metricsPort, start);
            }
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private void print(Process server, int metricsPort, long start) throws Exception {
        Map<String, Double> memory = memory(metricsPort);
        System.out.printf("| %.1f | %d | %.0f | %.0f | %.0f | %d | %d | %s |%n", (System.nanoTime() - start) / 60e9,
                rssKib(server.pid()) / 1024, memory.getOrDefault("heap_used", 0.0) / 1048576,
                memory.getOrDefault("heap_committed", 0.0) / 1048576, memory.getOrDefault("nonheap_used", 0.0) / 1048576,
                journeys.sum(), failedJourneys.sum(), new TreeMap<>(statuses));
    }

    /** One customer's journey; a journey that gets an unexpected answer stops there and is counted. */
    private void journey() {
        int n = next.incrementAndGet();
        String address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
        try {
            String token = ok(send("POST", "/register", null, address, """
                    {"user": {"email": "soak%d@example.com", "password": "%s"}}""".formatted(n, PASSWORD), Map.of()))
                    .path("token").asText();
            ok(send("GET", "/page/1", null, address, null, Map.of()));
            for (int i = 0; i < 3; i++) {
                ok(send("POST", "/subscription/preview", null, address, PREVIEW, Map.of()));
            }
            JsonNode subscribed = ok(send("POST", "/subscription", token, address, """
                    {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}], "account": %s}"""
                    .formatted(ACCOUNT.formatted(n)), Map.of("Idempotency-Key", "soak-" + n)));
            String uuid = subscribed.path("subscriptions").get(0).path("uuid").asText();
            ok(send("GET", "/account", token, address, null, Map.of()));
            ok(send("GET", "/account/subscription", token, address, null, Map.of()));
            JsonNode invoices = ok(send("GET", "/account/invoice", token, address, null, Map.of()));
            JsonNode first = invoices.isArray() ? invoices.path(0) : invoices.path("invoices").path(0);
            if (first.has("id")) {
                ok(send("GET", "/account/invoice/" + first.path("id").asText(), token, address, null, Map.of()));
            }
            ok(send("GET", "/product/" + uuid + "/preview/change-quantity/5", token, address, null, Map.of()));
            ok(send("PUT", "/product/" + uuid + "/quantity/5", token, address, null, Map.of()));
            ok(send("PUT", "/product/" + uuid + "/cancel", token, address, null, Map.of()));
            ok(send("POST", "/logout", token, address, "{}", Map.of()));
            String guest = ok(send("POST", "/login/guest", null, address, "{}", Map.of())).path("token").asText();
            HttpResponse<String> refused = send("POST", "/voucher-code/NO-SUCH-" + n + "/init", guest, address,
                    "{\"page_id\": 1}", Map.of());
            if (refused.statusCode() / 100 != 4) {
                throw new IllegalStateException("an unknown code answered " + refused.statusCode());
            }
            journeys.increment();
        } catch (Exception e) {
            failedJourneys.increment();
            if (failedJourneys.sum() <= 5) {
                System.out.println("journey " + n + " failed: " + e.getMessage());
            }
        }
    }

    private JsonNode ok(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String token, String address, String body,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
        return response;
    }

    private void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server was not ready within " + within);
    }

    /** Heap and non-heap in use and heap committed, summed over the pools, from the server's /metrics. */
    private Map<String, Double> memory(int metricsPort) throws Exception {
        String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> sums = new HashMap<>();
        for (String line : body.lines().toList()) {
            String key = line.startsWith("jvm_memory_used_bytes{") ? (line.contains("area=\"heap\"") ? "heap_used" : "nonheap_used")
                    : line.startsWith("jvm_memory_committed_bytes{") && line.contains("area=\"heap\"") ? "heap_committed"
                    : null;
            if (key != null) {
                sums.merge(key, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return sums;
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
