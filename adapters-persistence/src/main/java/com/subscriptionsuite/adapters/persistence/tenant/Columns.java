package com.subscriptionsuite.adapters.persistence.tenant;

import com.subscriptionsuite.domain.catalog.WireNamed;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;

/** Conversions between domain values and column values, and grouping of child rows by parent. */
final class Columns {
    /** NUMERIC(24,8) in the migration. */
    private static final int SCALE = 8;
    private static final int INTEGER_DIGITS = 24 - SCALE;

    private Columns() {
    }

    /** A row's parent: the tenant and the parent's id within it. */
    record Parent(long tenantId, long id) {
    }

    /**
     * The value as stored; refuses a value the column would round or overflow, rather than storing
     * a different amount than the definition gave.
     */
    static BigDecimal decimal(BigDecimal value, String what) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE || stripped.precision() - stripped.scale() > INTEGER_DIGITS) {
            throw new IllegalArgumentException(
                    what + " " + value.toPlainString() + " does not fit NUMERIC(24," + SCALE + ")");
        }
        return value;
    }

    /** The stored value without the zeros the column's scale padded it with: 9.990000 → 9.99, 10.000 → 10. */
    static BigDecimal decimal(BigDecimal column) {
        if (column == null) {
            return null;
        }
        BigDecimal stripped = column.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static CurrencyUnit currency(String isoCode) {
        return CurrencyUnit.of(isoCode);
    }

    static String wireName(WireNamed value) {
        return value == null ? null : value.wireName();
    }

    /** The constant with this wire name; null for null, a failure for a name the domain does not know. */
    static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String wireName) {
        if (wireName == null) {
            return null;
        }
        return WireNamed.parse(type, wireName).getOrElseThrow(() -> new IllegalStateException(
                "the database holds an unknown " + type.getSimpleName() + " '" + wireName + "'"));
    }

    /** Rows grouped by a key, in their order (the queries sort by position). */
    static <R, K> Map<K, List<R>> group(Collection<R> rows, Function<R, K> key) {
        Map<K, List<R>> groups = new LinkedHashMap<>();
        for (R row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new java.util.ArrayList<>()).add(row);
        }
        return groups;
    }

    static <R, K> List<R> children(Map<K, List<R>> groups, K parent) {
        return groups.getOrDefault(parent, List.of());
    }
}
