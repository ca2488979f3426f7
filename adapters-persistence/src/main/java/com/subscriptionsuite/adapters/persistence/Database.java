package com.subscriptionsuite.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The application's database: a HikariCP pool over a JDBC URL, migrated by Flyway
 * ({@code db/migration} on the classpath) when opened, and the {@link Jdbi} the adapters use.
 * Works with H2 ({@link #h2File}) and PostgreSQL.
 *
 * <p>The adapters get the pool through {@link OneConnectionPerThread}: a thread holds at most one
 * connection at a time (a second request fails at once instead of deadlocking the pool under
 * load), and a pool that stays exhausted for {@link PoolSettings#maxWait()} is reported as
 * {@link com.subscriptionsuite.application.ServerBusy}. Size the pool with {@link PoolSettings}.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;
    /** An H2 URL with {@code WRITE_DELAY=0} ({@link #h2File}): relaxed while migrating, see {@link #migrate()}. */
    private final boolean h2WritingEveryCommit;
    /** The group commit of the H2 file ({@link GroupCommits}); null on any other database. */
    private final GroupCommits.H2File h2File;
    /** H2's own default write delay, used while the migrations run ({@link #migrate()}). */
    private static final int MIGRATION_WRITE_DELAY_MILLIS = 500;
    private final OneConnectionPerThread guarded;
    /** Done once {@link #migrate()} succeeded; failed with its failure. The adapters' connections wait for it. */
    private final java.util.concurrent.CompletableFuture<Void> migrated = new java.util.concurrent.CompletableFuture<>();
    private final Jdbi jdbi;

    /** Opens the pool with {@link PoolSettings#defaults()} and migrates the schema. */
    public Database(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, PoolSettings.defaults());
    }

    /** Opens the pool and migrates the schema; fails (and closes the pool) if either fails. */
    public Database(String jdbcUrl, String user, String password, PoolSettings pool) {
        this(jdbcUrl, user, password, pool, true);
    }

    /**
     * Opens the pool without migrating the schema: the caller runs {@link #migrate()}, on any thread. Until
     * it succeeded, a connection asked for through {@link #jdbi()} waits for it (and fails with its failure
     * if it failed), so no adapter reads a schema that is not there yet. The standalone server migrates on
     * a thread of its own while it builds the engine, and serves nothing before the migrations are done.
     */
    public static Database withoutMigrating(String jdbcUrl, String user, String password, PoolSettings pool) {
        return new Database(jdbcUrl, user, password, pool, false);
    }

    private Database(String jdbcUrl, String user, String password, PoolSettings pool, boolean migrating) {
        HikariConfig config = new HikariConfig();
        this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        this.h2WritingEveryCommit = jdbcUrl.startsWith("jdbc:h2:")
                && jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=0");
        this.h2File = h2WritingEveryCommit ? GroupCommits.fileOf(jdbcUrl) : null;
        boolean keepingStatements = keepsPreparedStatements(jdbcUrl);
        if (h2WritingEveryCommit || keepingStatements) {
            config.setDataSource(new H2Connections(jdbcUrl, user, password, h2WritingEveryCommit,
                    keepingStatements));
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setPoolName("subscription-suite");
        config.setMaximumPoolSize(pool.size());
        config.setConnectionTimeout(pool.maxWait().toMillis());
        if (postgres) {
            // per connection, so every instance on the database waits for a row lock and runs a statement
            // for a bounded time; Handles answers either failure as ServerBusy (503 server_busy)
            config.setConnectionInitSql("SET lock_timeout = " + pool.lockTimeout().toMillis()
                    + "; SET statement_timeout = " + pool.statementTimeout().toMillis());
        }
        this.dataSource = new HikariDataSource(config);
        this.guarded = new OneConnectionPerThread(dataSource, pool.maxWait());
        try {
            if (migrating) {
                migrate();
            }
            // the adapters' connections: not before the schema is migrated (a Database opened without migrating
            // hands its adapters none until migrate() is done; they wait for it, or fail with its failure)
            this.jdbi = Jdbi.create((org.jdbi.v3.core.ConnectionFactory) () -> {
                awaitMigrated();
                return guarded.getConnection();
            }).installPlugin(new SqlObjectPlugin());
            jdbi.setSqlParser(new PlainSqlParser());
            // for every statement, so no DAO registers its own (see RecordMappers)
            jdbi.registerArgument(new UtcInstants.Binding());
            jdbi.registerColumnMapper(new UtcInstants.Reading());
            jdbi.registerRowMapper(new RecordMappers());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The URL of the H2 database file {@code suite} in {@code dataDir}, in PostgreSQL mode so that
     * the same SQL runs on both, with {@code WRITE_DELAY=0}: H2 writes every commit to the file
     * before the commit returns, so what a request was answered survives a crash of the process.
     * H2's default (500 ms) leaves commits in memory for up to half a second, and a killed process
     * loses them (see docs/durability.md). H2 does not fsync a commit: a power loss may still lose
     * the last commits.
     *
     * <p>{@code QUERY_CACHE_SIZE=0} and {@code OPTIMIZE_REUSE_RESULTS=FALSE}: the pool's connections keep their
     * prepared statements themselves ({@link PreparedStatements}); H2's own statement cache is off, because the
     * first write to a table in each transaction makes H2 walk every query in it (with 128 statements that
     * cost as much as the parsing it saved: docs/benchmarks.md section 4, eighth round), and so is H2's reuse
     * of a query's last result, which that walk kept correct and which nothing here needs.
     *
     * <p>Never {@code CACHE_SIZE} here: H2 applies the URL's settings whenever a connection opens, and setting
     * the cache size empties H2's page cache, so every connection the pool opened would throw it away.
     */
    public static String h2File(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString().replace('\\', '/');
        return "jdbc:h2:file:" + dir + "/" + H2_FILE_NAME
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                + ";" + NO_H2_STATEMENT_CACHE;
    }

    /** H2's statement cache and result reuse off ({@link #h2File}); the pool keeps statements instead. */
    static final String NO_H2_STATEMENT_CACHE = "QUERY_CACHE_SIZE=0;OPTIMIZE_REUSE_RESULTS=FALSE";

    /**
     * Whether the pool keeps prepared statements ({@link PreparedStatements}): on an H2 URL that turns H2's
     * statement cache and its reuse of results off ({@link #NO_H2_STATEMENT_CACHE}, as {@link #h2File} does).
     */
    static boolean keepsPreparedStatements(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(java.util.Locale.ROOT).replace(" ", "") + ";";
        return url.startsWith("JDBC:H2:") && java.util.Arrays.stream(NO_H2_STATEMENT_CACHE.split(";"))
                .allMatch(setting -> url.contains(";" + setting + ";"));
    }

    /** The database's name in {@link #h2File}'s URL. */
    public static final String H2_FILE_NAME = "suite";

    /** The file H2 keeps {@link #h2File}'s database in. */
    public static Path h2FilePath(Path dataDir) {
        return dataDir.resolve(H2_FILE_NAME + ".mv.db");
    }

    /**
     * Applies the migrations not applied yet; returns how many it applied (0 when up to date).
     * Flyway gets the pool itself (it may hold two connections: its history table's and the
     * migration's); it runs before the adapters get the database.
     *
     * <p>On an H2 URL with {@code WRITE_DELAY=0} ({@link #h2File}) the migrations run with H2's default
     * write delay instead: H2 commits every DDL statement, and writing each of those commits to the
     * file on its own cost about a tenth of the migrations' CPU on a first start (docs/benchmarks.md "Startup"). When they
     * are done the delay is set back to 0 and a checkpoint writes the schema to the file before any
     * request is served. A process killed during the migrations may lose their last half second; that
     * leaves the same kind of state as a kill between a migration's DDL and its history row, which
     * {@code WRITE_DELAY=0} does not prevent either (H2 commits DDL at once): a half-migrated file.
     */
    public int migrate() {
        try {
            int executed = migrateNow();
            if (!migrated.complete(null)) {
                migrated.obtrudeValue(null); // a retry that succeeded after a failed attempt
            }
            return executed;
        } catch (RuntimeException | Error e) {
            migrated.completeExceptionally(e); // no effect once an earlier attempt succeeded: the schema is there
            throw e;
        }
    }

    /**
     * Counts the schema as migrated without running Flyway, because {@link SchemaTemplate#install} has just put
     * the build's migrated file in place of a database that was not there (so nothing has connected to it
     * before this pool). At the next start {@link #migrate()} runs as always: Flyway finds its own history in the
     * file and applies what is newer.
     */
    public void installedFromTemplate() {
        if (!migrated.complete(null)) {
            throw new IllegalStateException("the database's migrations already ran or failed");
        }
    }

    private void awaitMigrated() throws SQLException {
        try {
            migrated.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            throw new SQLException("the database's migrations failed", e.getCause() == null ? e : e.getCause());
        }
    }

    private int migrateNow() {
        if (h2WritingEveryCommit) {
            // a setting of the whole database, not of a connection (a connection opened meanwhile sets it back to
            // the URL's 0: then the migrations only run slower)
            h2("SET WRITE_DELAY " + MIGRATION_WRITE_DELAY_MILLIS);
        }
        int executed = Flyway.configure()
                // a migration may lock and run as long as it needs (the pool's timeouts are for requests)
                .dataSource(forMigrations())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
        if (h2WritingEveryCommit) {
            // back to the URL's WRITE_DELAY=0, with what the migrations wrote on the file
            h2("SET WRITE_DELAY 0", "CHECKPOINT");
        }
        if (postgres) {
            // Flyway's connections came from the pool with the limits lifted: retire them, so every connection a
            // request gets is a fresh one with the pool's limits
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
        return executed;
    }

    /** Where Flyway takes its connections: the pool's, on PostgreSQL with the per-connection limits lifted. */
    DataSource forMigrations() {
        return postgres ? new LimitsLifted(dataSource) : dataSource;
    }

    /**
     * The pool's connections with PostgreSQL's {@code lock_timeout} and {@code statement_timeout} lifted, for
     * Flyway (instead of its {@code initSql}, deprecated since Flyway 11 and warned about at every start).
     */
    private static final class LimitsLifted extends ForwardingDataSource {
        LimitsLifted(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = pool.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET lock_timeout = 0; SET statement_timeout = 0");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }

    private void h2(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", statements) + " on H2", e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** How many threads hold a pooled connection right now; 0 when no unit of work runs. */
    public int connectionsHeld() {
        return guarded.held();
    }

    /** The database product and its version, e.g. "H2 2.5" or "PostgreSQL 17.6", for the startup log. */
    public String productName() {
        try (Connection connection = guarded.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseMajorVersion() + "."
                    + meta.getDatabaseMinorVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's metadata", e);
        }
    }

    /**
     * Publishes the pool's meters (HikariCP's {@code hikaricp_connections_*}: active, idle, pending,
     * timeouts, acquisition and usage times) to {@code meterRegistry}, a Micrometer
     * {@code MeterRegistry}; HikariCP binds it by reflection, so this module does not depend on Micrometer.
     */
    public void publishPoolMetrics(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    /** How full a compacted H2 file's chunks are made at most (percent of their bytes live). */
    static final int COMPACTION_TARGET_FILL_RATE = 50;
    /** Live bytes one step of a compaction rewrites at most, with the ends of transactions held up meanwhile. */
    static final int COMPACTION_STEP_BYTES = 256 * 1024;

    /**
     * On the H2 file ({@link #h2File}): rewrites the pages still live in its sparsest chunks so that H2 can free
     * them, for at most {@code budget}, in short steps between which requests go on
     * ({@code GroupCommits.H2File#compact}). H2 frees a chunk only when none of its pages is live, and the housekeeping
     * that rewrites sparse chunks runs only on its background writer, which a write delay of 0 never starts:
     * without this the file keeps growing with the number of writes (docs/durability.md, "Disk space"). Nothing
     * to do on PostgreSQL. The server runs it after each clean-up; an embedding host on H2 on its own schedule.
     */
    public StorageCompaction compactStorage(java.time.Duration budget) {
        if (h2File == null || budget.isNegative() || budget.isZero()) {
            return StorageCompaction.NOTHING;
        }
        try {
            return h2File.compact(COMPACTION_TARGET_FILL_RATE, COMPACTION_STEP_BYTES, budget);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compact the H2 file", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
