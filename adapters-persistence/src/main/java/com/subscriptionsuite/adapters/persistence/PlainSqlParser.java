package com.subscriptionsuite.adapters.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's {@code :name} parameters, read without Jdbi's ANTLR lexer for plain SQL: identifiers, numbers,
 * punctuation, {@code '...'} and {@code "..."} quoted text and {@code ::} casts. Any statement with anything
 * else in it (a {@code ?}, a backslash, a comment, a character outside ASCII, an unclosed quote) is left to
 * Jdbi's own {@link ColonPrefixSqlParser}, so the answer is always the one Jdbi's parser gives (a test compares
 * the two on every statement of the adapters).
 *
 * <p>Why: Jdbi parses each statement's SQL once, on its first use, and its lexer is ANTLR's ATN simulator, which
 * runs interpreted until the JIT has compiled it. On a first start that was about a third of loading the demo
 * tenant, on the path to the first answer (docs/benchmarks.md "Startup"). Parsed statements are kept, as
 * Jdbi's parser keeps them (at most {@value #KEPT} at a time).
 *
 * <p>With the system property {@value #VERIFY_PROPERTY} set to {@code true} (the build sets it for every test)
 * each statement read here is also read by Jdbi's parser and a difference fails the statement, so the whole test
 * suite checks every statement it runs.
 */
public final class PlainSqlParser implements SqlParser {
    static final int KEPT = 1_000;
    static final String VERIFY_PROPERTY = "subscriptionsuite.verifySqlParser";

    private final boolean verify;

    private final SqlParser jdbis;
    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    public PlainSqlParser() {
        this(Boolean.getBoolean(VERIFY_PROPERTY));
    }

    PlainSqlParser(boolean verify) {
        this(verify, new ColonPrefixSqlParser());
    }

    /** With {@code jdbis} for Jdbi's parser (a test gives one that reads differently, to see the check fail). */
    PlainSqlParser(boolean verify, SqlParser jdbis) {
        this.verify = verify;
        this.jdbis = jdbis;
    }

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql known = parsed.get(sql);
        if (known != null) {
            return known;
        }
        ParsedSql plain = plain(sql);
        if (plain == null) {
            return jdbis.parse(sql, ctx); // Jdbi's parser keeps its own
        }
        if (verify) {
            ParsedSql theirs = jdbis.parse(sql, ctx);
            if (!plain.equals(theirs)) {
                throw new IllegalStateException("PlainSqlParser read " + plain + " where Jdbi's parser reads " + theirs);
            }
        }
        if (parsed.size() >= KEPT) {
            parsed.clear(); // statements built at run time could otherwise grow it without end
        }
        parsed.put(sql, plain);
        return plain;
    }

    /** How many statements are kept now. */
    int kept() {
        return parsed.size();
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return jdbis.nameParameter(rawName, ctx);
    }

    /** The statement parsed, or null when it is not plain SQL as described above (Jdbi's parser then reads it). */
    static ParsedSql plain(String sql) {
        ParsedSql.Builder builder = ParsedSql.builder();
        int n = sql.length();
        int literal = 0; // start of the text not appended yet
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c > 127 || c == '?' || c == '\\') {
                return null;
            }
            if ((c == '/' && i + 1 < n && (sql.charAt(i + 1) == '*' || sql.charAt(i + 1) == '/'))
                    || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-')) {
                return null; // a comment (Jdbi's versions differ in which they know)
            }
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0 || (c == '"' && close == i + 1)) {
                    return null; // unclosed; or "" which Jdbi's lexer reads as two lone quotes, not as quoted text
                }
                for (int j = i + 1; j < close; j++) {
                    char quoted = sql.charAt(j);
                    if (quoted > 127 || quoted == '\\') {
                        return null;
                    }
                }
                i = close + 1; // quoted text stays as it is, a colon in it included
            } else if (c == ':') {
                if (i + 1 < n && sql.charAt(i + 1) == ':') {
                    i += 2; // a cast
                } else if (i + 1 < n && nameChar(sql.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < n && nameChar(sql.charAt(end))) {
                        end++;
                    }
                    builder.append(sql.substring(literal, i));
                    builder.appendNamedParameter(sql.substring(i + 1, end));
                    literal = end;
                    i = end;
                } else {
                    i++; // a lone colon, as in :=
                }
            } else {
                i++;
            }
        }
        builder.append(sql.substring(literal, n));
        return builder.build();
    }

    /** The characters of a parameter's name in Jdbi's lexer, within ASCII: letters, digits, $, _ and the dot. */
    private static boolean nameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c == '.';
    }
}
