package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.billing.AccountRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jdbi-wide record mapper: maps by column name, and matches each column list once. */
class RecordMappersTest {
    public record Line(long id, String name, BigDecimal amount) {
    }

    private final RecordMappers mappers = new RecordMappers();
    private Handle handle;

    @BeforeEach
    void open() {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:record-mappers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        jdbi.registerRowMapper(mappers);
        handle = jdbi.open();
        handle.execute("CREATE TABLE line (id BIGINT PRIMARY KEY, name VARCHAR(20), amount NUMERIC(10, 2))");
        handle.execute("INSERT INTO line VALUES (1, 'one', 1.50), (2, NULL, 2.00)");
    }

    @AfterEach
    void close() {
        handle.close();
    }

    @Test
    void maps_a_record_by_column_name_whatever_the_order_of_the_columns() {
        List<Line> inOrder = handle.createQuery("SELECT id, name, amount FROM line ORDER BY id").mapTo(Line.class)
                .list();
        List<Line> reordered = handle.createQuery("SELECT amount, id, name FROM line ORDER BY id")
                .mapTo(Line.class).list();
        List<Line> renamed = handle.createQuery("SELECT name, amount, id + 10 AS id FROM line ORDER BY id")
                .mapTo(Line.class).list();

        List<Line> expected = List.of(new Line(1, "one", new BigDecimal("1.50")), new Line(2, null,
                new BigDecimal("2.00")));
        assertThat(inOrder).isEqualTo(expected);
        assertThat(reordered).isEqualTo(expected);
        assertThat(renamed).containsExactly(new Line(11, "one", new BigDecimal("1.50")), new Line(12, null,
                new BigDecimal("2.00")));
    }

    @Test
    void matches_a_column_list_once_and_each_other_list_anew() {
        RowMapper<?> mapper = mappers.build(Line.class, handle.getConfig()).orElseThrow();

        RowMapper<?> first = matched(mapper, "SELECT id, name, amount FROM line");
        RowMapper<?> again = matched(mapper, "SELECT id, name, amount FROM line WHERE id = 2");
        RowMapper<?> otherOrder = matched(mapper, "SELECT amount, name, id FROM line");

        assertThat(again).isSameAs(first);
        assertThat(otherOrder).isNotSameAs(first);
        assertThat(matched(mapper, "SELECT amount, name, id FROM line WHERE id = 1")).isSameAs(otherOrder);
        assertThat(mappers.build(Line.class, handle.getConfig())).containsSame(mapper);
    }

    @Test
    void claims_only_the_records_of_the_persistence_module() {
        assertThat(mappers.build(AccountRef.class, handle.getConfig())).isEmpty();
        assertThat(mappers.build(String.class, handle.getConfig())).isEmpty();
        assertThat(mappers.build(Optional.class, handle.getConfig())).isEmpty();
        assertThat(mappers.build(Line.class, handle.getConfig())).isPresent();
    }

    private RowMapper<?> matched(RowMapper<?> mapper, String sql) {
        return handle.createQuery(sql).scanResultSet((results, context) -> mapper.specialize(results.get(),
                context));
    }
}
