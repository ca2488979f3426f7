package com.subscriptionsuite.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (binaries from Maven Central, started as the current user, root
 * included) for one test class ({@link #start}) or for all ({@link #shared}), handing out an empty
 * schema per test.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static TestPostgres shared;

    private final EmbeddedPostgres postgres;
    private final AtomicInteger schemas = new AtomicInteger();

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The server shared by every test class of this JVM (started on first use, stopped when the JVM
     * exits), so that test classes do not each pay for a start. Do not close it.
     */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            TestPostgres started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-postgres"));
            shared = started;
        }
        return shared;
    }

    public static TestPostgres start() {
        try {
            return new TestPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** The URL of a new, empty schema: connections made with it create and find tables there. */
    public String freshSchemaUrl() {
        String schema = "test_" + schemas.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return postgres.getJdbcUrl(USER, "postgres") + "&currentSchema=" + schema;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
