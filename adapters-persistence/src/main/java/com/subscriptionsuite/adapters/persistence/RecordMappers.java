package com.subscriptionsuite.adapters.persistence;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps the rows of every record declared in this module by its canonical constructor (Jdbi's
 * {@link ConstructorMapper}, by column name), registered once on the {@link org.jdbi.v3.core.Jdbi}
 * ({@link Database}), so no DAO registers a row mapper of its own.
 *
 * <p>Why not {@code @RegisterConstructorMapper} on each DAO: Jdbi's constructor mapper matches the
 * result set's columns to the constructor's parameters and looks up each parameter's column mapper
 * again for every result set ({@code ConstructorMapper.specialize}), 7 % of a checkout's CPU in the
 * profile (docs/benchmarks.md section 4). Here the matched mapper is kept per record type and column
 * list (the columns' labels, in order) and used again: the match depends on nothing else, because the
 * column mappers are the Jdbi's own and the same for every statement (no DAO and no statement
 * registers a column mapper; {@link UtcInstants} is registered on the Jdbi too). A DAO annotation
 * would also be applied again for every method of the DAO on every attach.
 */
final class RecordMappers implements RowMapperFactory {
    private static final String MODULE_PACKAGE = RecordMappers.class.getPackageName();

    private final ConcurrentMap<Class<?>, Optional<RowMapper<?>>> byType = new ConcurrentHashMap<>();

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> raw = GenericTypes.getErasedType(type);
        if (!raw.isRecord() || !raw.getPackageName().startsWith(MODULE_PACKAGE)) {
            return Optional.empty();
        }
        return byType.computeIfAbsent(raw, record -> Optional.of(new Matched<>(ConstructorMapper.of(record))));
    }

    /** A constructor mapper that matches each column list once. */
    private static final class Matched<T> implements RowMapper<T> {
        private final RowMapper<T> constructor;
        private final ConcurrentMap<String, RowMapper<T>> byColumns = new ConcurrentHashMap<>();

        Matched(RowMapper<T> constructor) {
            this.constructor = constructor;
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return specialize(rs, ctx).map(rs, ctx);
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            String columns = columns(rs.getMetaData());
            RowMapper<T> matched = byColumns.get(columns);
            if (matched == null) {
                matched = constructor.specialize(rs, ctx);
                RowMapper<T> earlier = byColumns.putIfAbsent(columns, matched);
                if (earlier != null) {
                    matched = earlier;
                }
            }
            return matched;
        }

        private static String columns(ResultSetMetaData meta) throws SQLException {
            int count = meta.getColumnCount();
            StringBuilder columns = new StringBuilder(count * 12);
            for (int i = 1; i <= count; i++) {
                columns.append(meta.getColumnLabel(i)).append('\u0000');
            }
            return columns.toString();
        }
    }
}
