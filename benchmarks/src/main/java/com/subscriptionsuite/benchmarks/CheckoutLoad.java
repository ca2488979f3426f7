package com.subscriptionsuite.benchmarks;

import com.subscriptionsuite.application.port.in.identity.Register.RegisterCommand;
import com.subscriptionsuite.bootstrap.Server;
import com.subscriptionsuite.bootstrap.ServerConfig;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checkout load over HTTP (issue 9): the real server ({@link Server}, as {@code java -jar} starts it,
 * with the demo tenant) on a fresh H2 file database or a fresh schema of an embedded PostgreSQL, in
 * this JVM. For each concurrency level, fresh customers are registered first (through the engine,
 * so the per-address registration budget does not apply; Argon2 at test cost), then N client
 * threads each take the next customer and send its one {@code POST /subscription} (Starter × 3 with
 * its own {@code Idempotency-Key}) until every customer has checked out. Printed per level:
 * checkouts per second, p50 and p99 latency, answers by status, the server's CPU per checkout (the
 * process's CPU time less the client threads' own, over the timed phase; H2 runs inside it), the
 * embedded PostgreSQL's CPU per checkout (its processes, from /proc), and the check that every
 * customer has exactly one subscription and one invoice afterwards ({@code GET /account/...}).
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests
 * mvn -B -ntp -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) \
 *     com.subscriptionsuite.benchmarks.CheckoutLoad --clients=4,16,64 --checkouts=600 --db=h2,postgres
 * </pre>
 */
public final class CheckoutLoad {
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String BODY = """
            {"suite_products": [{"id": 1, "quantity": 3, "order_pos": 0}],
             "account": {"is_company": false, "first_name": "Load", "last_name": "Customer %1$d",
                         "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                         "email": "load%1$d@example.com", "phone": "+49 30 123456", "vat_id": ""}}""";
    private static final AtomicInteger RUN = new AtomicInteger();

    private record Options(List<Integer> clients, int checkouts, int warmup, List<String> dbs, int pool) {
        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("arguments are --name=value; got " + arg);
                }
                given.put(kv[0], kv[1]);
            }
            return new Options(
                    Arrays.stream(given.getOrDefault("clients", "4,16,64").split(",")).map(Integer::parseInt).toList(),
                    Integer.parseInt(given.getOrDefault("checkouts", "600")),
                    Integer.parseInt(given.getOrDefault("warmup", "200")),
                    List.of(given.getOrDefault("db", "h2,postgres").split(",")),
                    Integer.parseInt(given.getOrDefault("pool", "10")));
        }
    }

    private record Result(String db, int clients, int checkouts, double perSecond, double p50, double p99,
            Map<Integer, Integer> byStatus, double serverCpuMsPerCheckout, double jitMsPerCheckout,
            double gcMsPerCheckout, double databaseCpuMsPerCheckout, int customersWithOneEach) {
    }

    private CheckoutLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(Locale.ROOT, "# %d cores, %s %s; pool %d; %d checkouts per level after %d warm-up%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), options.pool(), options.checkouts(), options.warmup());
        System.out.println("| Database | Clients | Checkouts | checkouts/s | p50 | p99 | answers by status"
                + " | server CPU per checkout | of which JIT / GC | PostgreSQL CPU per checkout"
                + " | customers with 1 subscription + 1 invoice |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        for (String db : options.dbs()) {
            if (db.equals("h2")) {
                for (int clients : options.clients()) {
                    Path dir = Files.createTempDirectory("checkout-load");
                    print(run("H2 file", env(dir, options, null), clients, options));
                }
            } else {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off").start()) {
                    for (int clients : options.clients()) {
                        String schema = "checkout_load_" + RUN.incrementAndGet();
                        execute(postgres, "CREATE SCHEMA " + schema);
                        Path dir = Files.createTempDirectory("checkout-load");
                        print(run("PostgreSQL (embedded)", env(dir, options,
                                postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema), clients,
                                options));
                    }
                }
            }
        }
    }

    /**
     * H2's store version (one per chunk written: with {@code WRITE_DELAY=0} one per commit that changed
     * something, or fewer when one store serves several) and its file writes, read from the database the
     * server has open in this JVM (an embedded H2 database is shared by every connection of the JVM);
     * null on PostgreSQL. H2's internals, for the measurement only.
     */
    private static long[] h2Stores(Map<String, String> env) {
        if (env.containsKey("SUITE_DB_URL")) {
            return null;
        }
        // without the URL's WRITE_DELAY=0, which a new connection applies to the whole database: the probe changes
        // no setting of the server's
        String url = com.subscriptionsuite.adapters.persistence.Database.h2File(Path.of(env.get("SUITE_DATA_DIR")))
                .replace(";WRITE_DELAY=0", "");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            org.h2.engine.SessionLocal session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class)
                    .getSession();
            org.h2.mvstore.MVStore store = session.getDatabase().getStore().getMvStore();
            return new long[] {store.getCurrentVersion(), store.getFileStore().getWriteCount()};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env(Path dir, Options options, String postgresUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("SUITE_HTTP_HOST", "127.0.0.1");
        env.put("SUITE_HTTP_PORT", "0");
        env.put("SUITE_DATA_DIR", dir.toString());
        env.put("SUITE_DB_POOL_SIZE", Integer.toString(options.pool()));
        env.put("SUITE_BILLING_RUN_MINUTES", "0");
        env.put("SUITE_VIES_URL", "http://127.0.0.1:9/check-vat-number");
        if (postgresUrl != null) {
            env.put("SUITE_DB_URL", postgresUrl);
            env.put("SUITE_DB_USER", "postgres");
            env.put("SUITE_DB_PASSWORD", "");
        }
        return env;
    }

    private static Result run(String db, Map<String, String> env, int clients, Options options) throws Exception {
        try (Server server = Server.start(ServerConfig.fromEnvironment(env), Clock.systemUTC(),
                Argon2PasswordHasher.forTests())) {
            long tenant = server.engine().resolveTenant().resolve(null, "localhost").get().id();
            int total = options.warmup() + options.checkouts();
            List<String> tokens = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                tokens.add(server.engine().register().register(new RegisterCommand(tenant, "load" + i + "@example.com",
                        PASSWORD, null, "en", "load-client-" + i)).get().token());
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, Long> clientCpuAtStart = new ConcurrentHashMap<>();
            AtomicLong clientCpu = new AtomicLong();
            ThreadFactory named = r -> new Thread(r, "load-client");
            ExecutorService pool = Executors.newFixedThreadPool(clients, named);
            HttpClient http = HttpClient.newHttpClient();
            try {
                Map<Integer, Integer> warmUpStatus = new TreeMap<>();
                drive(server, http, pool, tokens, 0, options.warmup(), clients,
                        new Sink(warmUpStatus, new long[options.warmup()]), mx, clientCpuAtStart, clientCpu);
                if (!warmUpStatus.keySet().equals(java.util.Set.of(200))) {
                    System.out.println("# warm-up answers by status (db " + db + ", " + clients + " clients): "
                            + warmUpStatus);
                }
                Map<Integer, Integer> byStatus = new TreeMap<>();
                long[] latencies = new long[options.checkouts()];
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                clientCpuAtStart.clear();
                clientCpu.set(0);
                long[] h2Before = h2Stores(env);
                Map<Long, Long> selectorBefore = selectorCpu(mx);
                long cpuBefore = os.getProcessCpuTime();
                long[] vmBefore = jitAndGcCpuNanos();
                Map<String, Long> threadsBefore = cpuByThreadGroup();
                long postgresBefore = postgresCpuNanos();
                long started = System.nanoTime();
                drive(server, http, pool, tokens, options.warmup(), options.checkouts(), clients,
                        new Sink(byStatus, latencies), mx, clientCpuAtStart, clientCpu);
                long elapsed = System.nanoTime() - started;
                long serverCpu = os.getProcessCpuTime() - cpuBefore - clientCpu.get()
                        - selectorCpuSince(mx, selectorBefore);
                long[] vmAfter = jitAndGcCpuNanos();
                printThreadGroups(db, clients, threadsBefore, cpuByThreadGroup(), options.checkouts());
                long[] h2After = h2Stores(env);
                if (h2Before != null && h2After != null) {
                    System.out.printf(java.util.Locale.ROOT, "# H2 per checkout (%d clients): %.2f stores (chunks),"
                            + " %.2f file writes%n", clients, (h2After[0] - h2Before[0]) / (double) options.checkouts(),
                            (h2After[1] - h2Before[1]) / (double) options.checkouts());
                }
                long postgresCpu = postgresCpuNanos() - postgresBefore;
                Arrays.sort(latencies);
                int oneEach = 0;
                for (int i = 0; i < total; i++) {
                    String auth = "Bearer " + tokens.get(i);
                    int subscriptions = count(http, server, "/account/subscription", auth);
                    int invoices = count(http, server, "/account/invoice", auth);
                    if (subscriptions == 1 && invoices == 1) {
                        oneEach++;
                    } else {
                        System.out.println("# customer " + i + " (" + (i < options.warmup() ? "warm-up" : "timed")
                                + "): " + subscriptions + " subscriptions, " + invoices + " invoices (-1: not 200)");
                    }
                }
                return new Result(db, clients, options.checkouts(), options.checkouts() / (elapsed / 1e9),
                        latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                        byStatus, serverCpu / 1e6 / options.checkouts(),
                        (vmAfter[0] - vmBefore[0]) / 1e6 / options.checkouts(),
                        (vmAfter[1] - vmBefore[1]) / 1e6 / options.checkouts(),
                        postgresCpu / 1e6 / options.checkouts(), oneEach);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Where the timed phase records each checkout's status and latency. */
    private record Sink(Map<Integer, Integer> byStatus, long[] latencies) {
        synchronized void record(int index, int status, long nanos) {
            byStatus.merge(status, 1, Integer::sum);
            latencies[index] = nanos;
        }
    }

    /** {@code count} checkouts from {@code first} on, {@code clients} at a time; each client thread takes the next. */
    private static void drive(Server server, HttpClient http, ExecutorService pool, List<String> tokens, int first,
            int count, int clients, Sink sink, ThreadMXBean mx, Map<Long, Long> cpuAtStart, AtomicLong clientCpu)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                long own = mx.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int customer = first + i;
                    HttpRequest request = HttpRequest.newBuilder(uri(server, "/subscription"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens.get(customer))
                            .header("Idempotency-Key", "order-" + customer)
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(customer))).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    }
                    if (sink != null) {
                        sink.record(i, status, System.nanoTime() - t0);
                    }
                }
                clientCpu.addAndGet(mx.getCurrentThreadCpuTime() - own);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }

    /**
     * The CPU time so far of each of the HTTP client's own threads (part of the load generator, not the
     * server), by thread id.
     */
    private static Map<Long, Long> selectorCpu(ThreadMXBean mx) {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient-")) {
                cpu.put(info.getThreadId(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())));
            }
        }
        return cpu;
    }

    /**
     * What the HTTP client's threads used since {@code before}: each thread's CPU less its CPU then (a
     * thread started since counts whole). Until 2026-12-07 the load generator subtracted these threads'
     * CPU since they started, warm-up included, from the timed phase's: the server's CPU per checkout
     * came out too low by about their warm-up CPU divided by the timed checkouts (docs/benchmarks.md §4).
     */
    private static long selectorCpuSince(ThreadMXBean mx, Map<Long, Long> before) {
        long cpu = 0;
        for (Map.Entry<Long, Long> now : selectorCpu(mx).entrySet()) {
            cpu += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return cpu;
    }

    /**
     * The CPU time of this JVM's threads by group (their name as Linux keeps it, 15 characters, digits
     * dropped: "qtp-", "MVStore backgro", "C2 CompilerThre" ...), from /proc/self/task. A thread that ended
     * during the run loses its time from the difference; the load generator's own threads are included
     * (its pool "pool--thread-", the HTTP client's "HttpClient--Wor"), the rest is the server's.
     */
    private static Map<String, Long> cpuByThreadGroup() {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(comm, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** The thread groups that used the most CPU between the two samples, per checkout ("#" lines). */
    private static void printThreadGroups(String db, int clients, Map<String, Long> before, Map<String, Long> after,
            int checkouts) {
        StringBuilder line = new StringBuilder("# CPU per checkout by thread group (db " + db + ", " + clients
                + " clients, ms):");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10)
                .forEach(e -> line.append(String.format(java.util.Locale.ROOT, " %s %.2f;", e.getKey(),
                        e.getValue() * 10.0 / checkouts))); // USER_HZ 100: 10 ms a tick
        System.out.println(line);
    }

    /**
     * The CPU time of this JVM's JIT compiler threads and of its garbage collector's threads (with the VM
     * thread, which runs the collector's pauses), from /proc/self/task: part of the server's CPU, shown
     * apart because the JIT's share falls to nothing once the server is warm (docs/benchmarks.md §4).
     */
    private static long[] jitAndGcCpuNanos() {
        long jit = 0;
        long gc = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    if (comm.contains("CompilerThre")) {
                        jit += ticks;
                    } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
                        gc += ticks;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {jit * 10_000_000L, gc * 10_000_000L}; // USER_HZ is 100 on Linux
    }

    /**
     * The CPU time of every PostgreSQL process on this machine (the embedded server's postmaster and
     * backends), from /proc: 0 on H2, which runs inside the server's own process.
     */
    private static long postgresCpuNanos() {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.equals("postgres")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static int count(HttpClient http, Server server, String path, String auth) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(server, path))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).size();
    }

    private static URI uri(Server server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "| %s | %d | %,d | %,.0f | %.1f ms | %.1f ms | %s | %.1f ms | %.1f / %.1f ms | %s | %d |%n",
                r.db(), r.clients(), r.checkouts(), r.perSecond(), r.p50(), r.p99(), r.byStatus(),
                r.serverCpuMsPerCheckout(), r.jitMsPerCheckout(), r.gcMsPerCheckout(), r.db().startsWith("H2") ? "(in process)"
                        : String.format(Locale.ROOT, "%.1f ms", r.databaseCpuMsPerCheckout()),
                r.customersWithOneEach());
    }
}
