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
 * included) for one test class, handing out an empty schema per test.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger schemas = new AtomicInteger();

    private TestPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
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
