package com.subscriptionsuite.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link Instant}s to and from {@code TIMESTAMP WITH TIME ZONE} columns as {@link OffsetDateTime}s
 * in UTC, independent of the JVM's time zone. Jdbi's default goes through {@code java.sql.Timestamp},
 * and H2 turns that into a local date-time of the JVM's zone first: in a zone with daylight saving
 * time, an instant in the hour the clocks go back came back an hour early. {@link Database} registers
 * both on its {@code Jdbi}, so every statement binds and reads instants this way.
 */
public final class UtcInstants {
    private UtcInstants() {
    }

    /** Binds an instant as an {@link OffsetDateTime} at UTC (null as a NULL timestamp with time zone). */
    public static final class Binding extends AbstractArgumentFactory<Instant> {
        public Binding() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc);
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column as the instant it denotes. */
    public static final class Reading implements ColumnMapper<Instant> {
        @Override
        public Instant map(ResultSet rs, int column, StatementContext context) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
