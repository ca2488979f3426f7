package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PlainSqlParser reads every statement it takes as Jdbi's own parser does, and leaves it the rest. */
class PlainSqlParserTest {
    private final ColonPrefixSqlParser jdbis = new ColonPrefixSqlParser();

    private ParsedSql jdbis(String sql) {
        return jdbis.parse(sql, null);
    }

    @Test
    void reads_named_parameters_casts_and_quoted_text_as_jdbi_does() {
        ParsedSql parsed = PlainSqlParser.plain(
                "UPDATE t SET a = :a, b = CAST(:b AS text), c = 'x:y', \"d:e\" = :d.e, f = :f::jsonb WHERE g = :1");
        assertThat(parsed).isEqualTo(jdbis(
                "UPDATE t SET a = :a, b = CAST(:b AS text), c = 'x:y', \"d:e\" = :d.e, f = :f::jsonb WHERE g = :1"));
        assertThat(parsed.getSql())
                .isEqualTo("UPDATE t SET a = ?, b = CAST(? AS text), c = 'x:y', \"d:e\" = ?, f = ?::jsonb WHERE g = ?");
        assertThat(parsed.getParameters().getParameterNames()).containsExactly("a", "b", "d.e", "f", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "", ":a", "x=:a", ":a:b", "a::b", ":::x", "::", ":", "x :", ":= 1", "a :$b_c.d",
        "'it''s :x' :y", "'' :x ''", "'a' || :b || 'c'", "\"x\" :y \"z\"", "SELECT * FROM \"order\" WHERE id = :id",
        ":a.", "WHERE a IN (:x_0, :x_1)", "\t:a\n:b\r\n"})
    void plain_statements_read_as_jdbi_reads_them(String sql) {
        assertThat(PlainSqlParser.plain(sql)).as(sql).isNotNull().isEqualTo(jdbis(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ? FROM t", "x = :a?.b", "x = 'a\\'b' AND y = :y", "/* :x */ SELECT :y",
        "SELECT :x -- :y", "SELECT :x // :y", "SELECT 'é' , :x", "SELECT :é", "'unclosed :x", "\"unclosed :x",
        "\"\" :x \"\"", "a \\:b"})
    void leaves_jdbis_parser_what_is_not_plain(String sql) {
        assertThat(PlainSqlParser.plain(sql)).as(sql).isNull();
        // and the parser as the adapters use it still answers what Jdbi's does
        assertThat(new PlainSqlParser(true).parse(sql, null)).isEqualTo(jdbis(sql));
    }

    @Test
    void agrees_with_jdbi_on_random_statements_of_sql_characters() {
        String alphabet = "ab1_$.:'\" =(),?\\-/*é\n";
        SplittableRandom random = new SplittableRandom(20261207L);
        int plain = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sql = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ParsedSql ours = PlainSqlParser.plain(sql.toString());
            if (ours == null) {
                continue;
            }
            plain++;
            ParsedSql theirs;
            try {
                theirs = jdbis(sql.toString());
            } catch (RuntimeException refused) {
                throw new AssertionError("Jdbi's parser refuses what PlainSqlParser read: " + sql, refused);
            }
            assertThat(ours).as(sql.toString()).isEqualTo(theirs);
        }
        assertThat(plain).as("statements read as plain SQL").isGreaterThan(5_000);
    }

    @Test
    void reads_every_annotated_statement_of_the_adapters_as_jdbi_does() throws IOException {
        List<String> statements = new ArrayList<>();
        for (Class<?> type : adapterClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getDeclaredAnnotations()) {
                    if (annotation instanceof SqlQuery q) {
                        statements.add(q.value());
                    } else if (annotation instanceof SqlUpdate u) {
                        statements.add(u.value());
                    } else if (annotation instanceof SqlBatch b) {
                        statements.add(b.value());
                    }
                }
            }
        }
        assertThat(statements).as("the adapters' annotated statements").hasSizeGreaterThan(100);
        int plain = 0;
        for (String sql : statements) {
            ParsedSql ours = PlainSqlParser.plain(sql);
            if (ours != null) {
                plain++;
                assertThat(ours).as(sql).isEqualTo(jdbis(sql));
            }
        }
        assertThat(plain).as("annotated statements read without Jdbi's lexer").isEqualTo(statements.size());
    }

    @Test
    void a_parser_in_verifying_mode_refuses_a_statement_read_differently() {
        SqlParser otherwise = new SqlParser() {
            @Override
            public ParsedSql parse(String sql, StatementContext ctx) {
                return ParsedSql.builder().append(sql).build(); // no parameters at all
            }

            @Override
            public String nameParameter(String rawName, StatementContext ctx) {
                return ":" + rawName;
            }
        };
        assertThatThrownBy(() -> new PlainSqlParser(true, otherwise).parse("SELECT :a", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Jdbi's parser reads");
        assertThat(new PlainSqlParser(false, otherwise).parse("SELECT :a", null)).isEqualTo(jdbis("SELECT :a"));
        assertThat(new PlainSqlParser(true).parse("SELECT :a", null)).isEqualTo(jdbis("SELECT :a"));
    }

    @Test
    void keeps_what_it_read_and_no_more_than_its_limit() {
        PlainSqlParser parser = new PlainSqlParser(false);
        ParsedSql first = parser.parse("SELECT :a", null);
        assertThat(parser.parse("SELECT :a", null)).isSameAs(first);
        for (int i = 0; i < PlainSqlParser.KEPT + 10; i++) {
            assertThat(parser.parse("SELECT :a" + i, null).getParameters().getParameterNames()).containsExactly("a" + i);
        }
        assertThat(parser.kept()).isLessThanOrEqualTo(PlainSqlParser.KEPT);
    }

    /** Every class compiled from this module's main sources. */
    private static List<Class<?>> adapterClasses() throws IOException {
        Path classes = Path.of(PlainSqlParser.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    types.add(Class.forName(name, false, PlainSqlParser.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return types;
    }
}
