package com.subscriptionsuite.benchmarks;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiLoginAttempts;
import com.subscriptionsuite.adapters.persistence.identity.JdbiPasswordResets;
import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.adapters.persistence.voucher.JdbiVouchers;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.ShopPage;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.SellerSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Either;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.joda.money.CurrencyUnit;

/**
 * Throughput of voucher hold + consume through the engine on its Jdbi adapters, on H2 (a file
 * database in a temporary directory) and on an embedded PostgreSQL, in two shapes:
 *
 * <ul>
 * <li>{@code hot}: one multi-use code without limits ({@code per_customer_limit} and
 * {@code total_limit} null); each operation is a different user's hold and consume of that one
 * code, so every operation queues on the code's row lock;</li>
 * <li>{@code single}: a single-use campaign with one code per operation; each operation is a
 * different user's hold and consume of a different code, so operations do not contend.</li>
 * </ul>
 *
 * <p>Each measurement starts from an empty database (a new H2 file, a new PostgreSQL schema): the
 * tenant, the campaign, its codes and one guest user per operation are created first, then a
 * warm-up of {@code --warmup} operations runs, then {@code --ops} operations are timed with N
 * threads taking the next operation from a shared counter. An operation's latency is that of its
 * hold plus its consume. Every operation must succeed (the code has no limits, each single-use
 * code is used once); failures are counted and printed.
 *
 * <pre>
 * mvn -B -ntp -q install -DskipTests
 * mvn -B -ntp -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) \
 *     com.subscriptionsuite.benchmarks.VoucherLoad --ops=10000 --warmup=2000 --threads=2,8 --db=h2,postgres
 * </pre>
 */
public final class VoucherLoad {
    private static final String HOT_CODE = "HOT-CODE";
    private static final long DISCOUNT_PLAN = 10;

    private enum Shape {
        HOT, LIMITED, SINGLE, RAW
    }

    private record Options(int ops, int warmup, List<Integer> threads, List<String> dbs, List<Shape> shapes) {
        static Options parse(String[] args) {
            Map<String, String> given = new java.util.HashMap<>();
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("arguments are --name=value; got " + arg);
                }
                given.put(kv[0], kv[1]);
            }
            return new Options(Integer.parseInt(given.getOrDefault("ops", "10000")),
                    Integer.parseInt(given.getOrDefault("warmup", "2000")),
                    Arrays.stream(given.getOrDefault("threads", "2,8").split(",")).map(Integer::parseInt).toList(),
                    List.of(given.getOrDefault("db", "h2,postgres").split(",")),
                    Arrays.stream(given.getOrDefault("shape", "raw,hot,limited,single").split(","))
                            .map(s -> Shape.valueOf(s.toUpperCase(Locale.ROOT))).toList());
        }
    }

    private record Result(String db, Shape shape, int threads, int ops, long nanos, long[] latencies, int failures,
            String failure) {
        double opsPerSecond() {
            return ops * 1e9 / nanos;
        }

        double percentileMs(double p) {
            return percentileMs(latencies, p);
        }

        /** The median of the first and of the last tenth of the operations (in the order they began). */
        String drift() {
            int tenth = Math.max(1, latencies.length / 10);
            return String.format(Locale.ROOT, "%.2f → %.2f", percentileMs(Arrays.copyOfRange(latencies, 0, tenth), 0.5),
                    percentileMs(Arrays.copyOfRange(latencies, latencies.length - tenth, latencies.length), 0.5));
        }

        static double percentileMs(long[] latencies, double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private VoucherLoad() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf("VoucherLoad: %d ops measured after %d warm-up ops per run; %d CPUs; Java %s (%s); %s %s%n",
                options.ops(), options.warmup(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"));
        System.out.println("| Database | Shape | Threads | Ops | ops/s | p50 ms | p99 ms | p50 first → last tenth | Failures |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String db : options.dbs()) {
            switch (db) {
                case "h2" -> onH2(options);
                case "postgres" -> onPostgres(options);
                default -> throw new IllegalArgumentException("--db takes h2 and/or postgres; got " + db);
            }
        }
    }

    private static void onH2(Options options) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Shape shape : options.shapes()) {
            for (int threads : options.threads()) {
                Path dir = Files.createTempDirectory("voucher-load-h2");
                try {
                    results.add(print(run("H2 " + org.h2.engine.Constants.VERSION + " (file)", Database.h2File(dir), "sa", "",
                            shape, threads, options)));
                } finally {
                    delete(dir);
                }
            }
        }
        printRatios(results);
    }

    private static void onPostgres(Options options) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String version = query(postgres, "SHOW server_version");
            int schemas = 0;
            List<Result> results = new ArrayList<>();
            for (Shape shape : options.shapes()) {
                for (int threads : options.threads()) {
                    String schema = "load_" + ++schemas;
                    query(postgres, "CREATE SCHEMA " + schema + "; SELECT 1");
                    results.add(print(run("PostgreSQL " + version + " (embedded)",
                            postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema, "postgres", "",
                            shape, threads, options)));
                }
            }
            printRatios(results);
        }
    }

    private static String query(EmbeddedPostgres postgres, String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            while (s.getResultSet() == null && (s.getMoreResults() || s.getUpdateCount() != -1)) {
                // skip to the first result set
            }
            var rs = s.getResultSet();
            return rs != null && rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Result print(Result r) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %,d | %,.0f | %.2f | %.2f | %s | %d%s |%n", r.db(),
                label(r.shape()), r.threads(),
                r.ops(), r.opsPerSecond(), r.percentileMs(0.50), r.percentileMs(0.99), r.drift(), r.failures(),
                r.failure() == null ? "" : " (" + r.failure() + ")");
        return r;
    }

    private static String label(Shape shape) {
        return switch (shape) {
            case HOT -> "one hot multi-use code";
            case LIMITED -> "one hot code, total_limit = ops";
            case SINGLE -> "single-use, one code per op";
            case RAW -> "raw: UPDATE counter SET n = n + 1";
        };
    }

    private static final Map<String, Double> RAW_RATES = new ConcurrentHashMap<>();

    /** After each database: hot ops/s over raw increments/s with the same threads (needs both shapes). */
    private static void printRatios(List<Result> results) {
        for (Result r : results) {
            if (r.shape() == Shape.HOT || r.shape() == Shape.LIMITED) {
                Double raw = RAW_RATES.get(r.db() + "/" + r.threads());
                if (raw != null) {
                    System.out.printf(Locale.ROOT, "ratio %s, %s, %d threads: %,.0f / %,.0f raw = %.3f%n", r.db(),
                            label(r.shape()), r.threads(), r.opsPerSecond(), raw, r.opsPerSecond() / raw);
                }
            }
        }
    }

    /**
     * The database's own limit on one row, same pool, same threads: each operation is one transaction
     * of {@code UPDATE counter SET n = n + 1 WHERE id = 1}; afterwards {@code n} must equal the operations.
     */
    private static Result raw(String db, Database database, int threads, Options options) {
        var jdbi = database.jdbi();
        jdbi.useHandle(h -> {
            h.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
            h.execute("INSERT INTO counter (id, n) VALUES (1, 0)");
        });
        RawOutcome warm = increments(jdbi, options.warmup(), threads);
        long start = System.nanoTime();
        RawOutcome measured = increments(jdbi, options.ops(), threads);
        long nanos = System.nanoTime() - start;
        long n = jdbi.withHandle(h -> h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one());
        int failures = warm.failures() + measured.failures();
        long expected = (long) options.warmup() + options.ops() - failures;
        Result result = new Result(db, Shape.RAW, threads, options.ops(), nanos, measured.latencies(), failures
                + (n == expected ? 0 : 1), n == expected ? null : "counter " + n + " after " + expected + " increments");
        RAW_RATES.put(db + "/" + threads, result.opsPerSecond());
        return result;
    }

    private record RawOutcome(long[] latencies, int failures) {
    }

    private static RawOutcome increments(org.jdbi.v3.core.Jdbi jdbi, int count, int threads) {
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        onThreads(threads, () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                long start = System.nanoTime();
                int updated = jdbi.inTransaction(h -> h.createUpdate("UPDATE counter SET n = n + 1 WHERE id = 1")
                        .execute());
                latencies[i] = System.nanoTime() - start;
                if (updated != 1) {
                    failures.incrementAndGet();
                }
            }
        });
        return new RawOutcome(latencies, failures.get());
    }

    private static void onThreads(int threads, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(work));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result run(String db, String url, String user, String password, Shape shape, int threads,
            Options options) {
        try (Database database = new Database(url, user, password)) {
            if (shape == Shape.RAW) {
                return raw(db, database, threads, options);
            }
            var jdbi = database.jdbi();
            Engine engine = Engine.builder().tenants(new JdbiTenants(jdbi)).clock(Clock.systemUTC())
                    .users(new JdbiUsers(jdbi)).sessions(new JdbiSessions(jdbi))
                    .passwordResets(new JdbiPasswordResets(jdbi)).loginAttempts(new JdbiLoginAttempts(jdbi))
                    .transactions(new JdbiTransactions(jdbi)).passwordHasher(NO_PASSWORDS).secrets(COUNTER)
                    .commonPasswords(p -> false).mailer(m -> true)
                    .vouchers(new JdbiVouchers(jdbi))
                    .build();
            long tenantId = engine.defineTenant().define(tenant()).get().tenantId();
            int total = options.warmup() + options.ops();
            long[] users = guests(new JdbiUsers(jdbi), tenantId, total, threads);
            boolean hot = shape != Shape.SINGLE;
            List<String> codes = hot ? List.of(HOT_CODE)
                    : IntStream.range(0, total).mapToObj(i -> String.format("LOAD-%07d", i)).toList();
            Campaign campaign = new Campaign(1, shape.name(), DISCOUNT_PLAN, null, null, List.of(),
                    hot ? CodeKind.MULTI_USE : CodeKind.SINGLE_USE, shape == Shape.LIMITED ? total : null, null);
            Either<VoucherFailure, ?> defined = engine.defineCampaigns().define(tenantId,
                    List.of(new CampaignWithCodes(campaign, codes)));
            if (defined.isLeft()) {
                throw new IllegalStateException(defined.getLeft().message());
            }
            Outcome warm = drive(engine, tenantId, shape, users, codes, 0, options.warmup(), threads);
            long start = System.nanoTime();
            Outcome measured = drive(engine, tenantId, shape, users, codes, options.warmup(), options.ops(), threads);
            long nanos = System.nanoTime() - start;
            int failures = warm.failures().get() + measured.failures().get();
            // every redemption must be one of the successful operations: none more (over-redemption), none fewer
            long redeemed = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM voucher_redemption WHERE tenant_id = :t").bind("t", tenantId)
                    .mapTo(Long.class).one());
            long succeeded = total - failures;
            String failure = failures == 0 ? null : measured.codes().keySet().stream().findFirst()
                    .orElse(warm.codes().keySet().stream().findFirst().orElse("?"));
            if (redeemed != succeeded) {
                failures++;
                failure = redeemed + " redemptions stored for " + succeeded + " successful operations";
            }
            return new Result(db, shape, threads, options.ops(), nanos, measured.latencies(), failures, failure);
        }
    }

    private record Outcome(long[] latencies, AtomicInteger failures, Map<String, Boolean> codes) {
    }

    /** Operations {@code from} .. {@code from + count - 1}, each a user's hold and consume, on N threads. */
    private static Outcome drive(Engine engine, long tenantId, Shape shape, long[] users, List<String> codes, int from,
            int count, int threads) {
        Outcome outcome = new Outcome(new long[count], new AtomicInteger(), new ConcurrentHashMap<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        int op = from + i;
                        String code = shape == Shape.SINGLE ? codes.get(op) : HOT_CODE;
                        VoucherCommand command = new VoucherCommand(tenantId, code, null, users[op]);
                        long start = System.nanoTime();
                        Either<VoucherFailure, ?> result = engine.holdVoucher().hold(command)
                                .flatMap(held -> engine.consumeVoucher().consume(command));
                        outcome.latencies()[i] = System.nanoTime() - start;
                        if (result.isLeft()) {
                            outcome.failures().incrementAndGet();
                            outcome.codes().put(result.getLeft().code(), true);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return outcome;
    }

    /** One guest user per operation (holds and redemptions belong to users), created on N threads. */
    private static long[] guests(JdbiUsers users, long tenantId, int count, int threads) {
        long[] ids = new long[count];
        AtomicInteger next = new AtomicInteger();
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        ids[i] = users.add(tenantId, "load-guest-" + i, UserKind.GUEST, null, null, "de", now).get().id();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return ids;
    }

    /** A tenant with one discount rate plan (10 % off recurring charges) for the campaign, and one page. */
    private static TenantDefinition tenant() {
        CurrencyUnit eur = CurrencyUnit.EUR;
        Charge discount = new Charge(100, null, "Ten off", "", ChargeType.RECURRING, ChargeModel.DISCOUNT_PERCENTAGE,
                BillingPeriod.MONTH, null, BillingTiming.IN_ADVANCE, BigDecimal.ONE, null, null, "",
                TaxMode.TAX_EXCLUSIVE, true, BigDecimal.ZERO, Set.of(ChargeType.RECURRING),
                List.of(Tier.single(eur, BigDecimal.TEN, PriceFormat.PER_UNIT)));
        Catalog catalog = new Catalog(
                List.of(new Product(1, null, "Promotions", "", "", "", "", null, null, null)),
                List.of(new RatePlan(DISCOUNT_PLAN, null, 1, "Ten off", "", null, null, List.of(discount))),
                List.of(),
                List.of(new ShopPage(1, "Shop", "", true, true, true, true, List.of())));
        Tenant tenant = new Tenant(1, "load", "Load", List.of(), new SellerSettings("DE", null, false),
                List.of(new Language(1, "de", true, true)),
                List.of(new CurrencySetting(1, eur, true, true, ",", ".")),
                new CartSettings(1, true, true, true, true, true, false),
                new CheckoutSettings(1, true, true, true, true, true, false, false),
                new CustomerCenterSettings(1, true, false, false));
        return new TenantDefinition(tenant, catalog, Translations.none());
    }

    private static final PasswordHasher NO_PASSWORDS = new PasswordHasher() {
        @Override
        public String hash(String password) {
            throw new UnsupportedOperationException("the voucher load registers no customers");
        }

        @Override
        public boolean verify(String password, String hash) {
            return false;
        }
    };

    private static final Secrets COUNTER = new Secrets() {
        private final AtomicLong n = new AtomicLong();

        @Override
        public String token() {
            return "load-token-" + n.incrementAndGet();
        }

        @Override
        public String guid() {
            return "load-guid-" + n.incrementAndGet();
        }
    };

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
