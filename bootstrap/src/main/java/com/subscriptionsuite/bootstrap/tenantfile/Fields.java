package com.subscriptionsuite.bootstrap.tenantfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.domain.catalog.WireNamed;
import com.subscriptionsuite.domain.tenant.Problem;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;

/**
 * The fields of one JSON object of a tenant file, read by name. Every accessor records what is
 * wrong with its field (missing, wrong type, bad value) in the shared problem list and hands back
 * a placeholder, so one pass over the file finds every structural problem. {@link #finish()}
 * reports the fields no accessor asked for (unknown fields are refused) and says whether this
 * object, its nested objects included, was read without any problem: only then may the caller
 * build a domain value from what the accessors returned.
 *
 * <p>JSON {@code null} counts as absent: an optional field takes its default, a required one is
 * reported.
 */
final class Fields {
    private static final Pattern PLAIN_MEMBER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;
    private final int problemsAtStart;
    private final Set<String> known = new LinkedHashSet<>();

    private Fields(JsonNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.problemsAtStart = problems.size();
    }

    /** The fields of {@code node}, or none (with a problem recorded) when it is not an object. */
    static Option<Fields> of(JsonNode node, String path, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(path, "expected an object, found " + describe(node)));
            return Option.none();
        }
        return Option.some(new Fields(node, path, problems));
    }

    /** The JSON path of a field of this object. */
    String path(String name) {
        return member(path, name);
    }

    /** A JSON path member step: {@code .name} for plain names, {@code ['odd name']} otherwise. */
    static String member(String parent, String name) {
        if (PLAIN_MEMBER.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    void problem(String atPath, String reason) {
        problems.add(new Problem(atPath, reason));
    }

    /**
     * Reports every field no accessor asked for, then tells whether this object was read cleanly.
     *
     * @return true when no problem was recorded since this object's reading began
     */
    boolean finish() {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!known.contains(name)) {
                problem(path(name), "unknown field '" + name + "'; known fields: " + String.join(", ", known));
            }
        }
        return problems.size() == problemsAtStart;
    }

    /** The field's node, or none when it is absent or null (registering the name as known). */
    Option<JsonNode> field(String name) {
        known.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Option.none() : Option.some(value);
    }

    private Option<JsonNode> required(String name) {
        JsonNode value = node.get(name);
        Option<JsonNode> present = field(name);
        if (present.isEmpty()) {
            problem(path(name), value == null ? "missing required field '" + name + "'"
                    : "required field '" + name + "' must not be null");
        }
        return present;
    }

    // ---------------------------------------------------------------- integers

    /** A required non-negative integer such as an id. */
    long requiredLong(String name) {
        return required(name).map(v -> integer(name, v, Long.MAX_VALUE)).getOrElse(0L);
    }

    long optionalLong(String name, long fallback) {
        return field(name).map(v -> integer(name, v, Long.MAX_VALUE)).getOrElse(fallback);
    }

    int requiredInt(String name) {
        return (int) required(name).map(v -> integer(name, v, Integer.MAX_VALUE)).getOrElse(0L).longValue();
    }

    int optionalInt(String name, int fallback) {
        return (int) field(name).map(v -> integer(name, v, Integer.MAX_VALUE)).getOrElse((long) fallback).longValue();
    }

    /** An optional non-negative integer; null when absent. */
    Integer optionalInteger(String name) {
        return field(name).map(v -> (int) integer(name, v, Integer.MAX_VALUE)).getOrNull();
    }

    private long integer(String name, JsonNode v, long max) {
        return integer(path(name), v, max, problems);
    }

    static long integer(String atPath, JsonNode v, long max, List<Problem> problems) {
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 && v.longValue() <= max) {
            return v.longValue();
        }
        problems.add(new Problem(atPath, "expected a non-negative integer"
                + (max < Long.MAX_VALUE ? " up to " + max : "") + ", found " + describe(v)));
        return 0;
    }

    // ---------------------------------------------------------------- decimals

    BigDecimal requiredDecimal(String name) {
        return required(name).map(v -> decimal(name, v)).getOrElse(BigDecimal.ZERO);
    }

    /** An optional number; {@code fallback} (may be null) when absent. */
    BigDecimal optionalDecimal(String name, BigDecimal fallback) {
        return field(name).map(v -> decimal(name, v)).getOrElse(fallback);
    }

    private BigDecimal decimal(String name, JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        problem(path(name), "expected a number, found " + describe(v));
        return BigDecimal.ZERO;
    }

    // ---------------------------------------------------------------- strings, booleans

    String requiredString(String name) {
        return required(name).map(v -> string(path(name), v)).getOrElse("");
    }

    /** An optional string; {@code fallback} (may be null) when absent. */
    String optionalString(String name, String fallback) {
        return field(name).map(v -> string(path(name), v)).getOrElse(fallback);
    }

    String string(String atPath, JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        problem(atPath, "expected a string, found " + describe(v));
        return "";
    }

    boolean requiredBoolean(String name) {
        return required(name).map(v -> bool(name, v)).getOrElse(false);
    }

    boolean optionalBoolean(String name, boolean fallback) {
        return field(name).map(v -> bool(name, v)).getOrElse(fallback);
    }

    private boolean bool(String name, JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        problem(path(name), "expected a boolean (true or false), found " + describe(v));
        return false;
    }

    // ---------------------------------------------------------------- dates, currencies, enums

    /** An optional ISO date (YYYY-MM-DD); null when absent. */
    LocalDate optionalDate(String name) {
        return field(name).map(v -> {
            String text = string(path(name), v);
            if (!v.isTextual()) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problem(path(name), "'" + text + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }).getOrNull();
    }

    CurrencyUnit requiredCurrency(String name) {
        return required(name).map(v -> currency(path(name), v)).getOrNull();
    }

    CurrencyUnit currency(String atPath, JsonNode v) {
        String code = string(atPath, v);
        if (!v.isTextual()) {
            return null;
        }
        if (CURRENCY.matcher(code).matches()) {
            try {
                return CurrencyUnit.of(code);
            } catch (IllegalCurrencyException e) {
                // reported below
            }
        }
        problem(atPath, "'" + code + "' is not an ISO 4217 currency code such as EUR");
        return null;
    }

    <E extends Enum<E> & WireNamed> E requiredEnum(String name, Class<E> type) {
        return required(name).map(v -> wireNamed(path(name), v, type)).getOrNull();
    }

    <E extends Enum<E> & WireNamed> E optionalEnum(String name, Class<E> type, E fallback) {
        return field(name).map(v -> wireNamed(path(name), v, type)).getOrElse(fallback);
    }

    <E extends Enum<E> & WireNamed> E wireNamed(String atPath, JsonNode v, Class<E> type) {
        String text = string(atPath, v);
        if (!v.isTextual()) {
            return null;
        }
        Option<E> value = WireNamed.parse(type, text);
        if (value.isEmpty()) {
            problem(atPath, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(WireNamed::wireName).collect(Collectors.joining(", ")));
        }
        return value.getOrNull();
    }

    /** A required string that must be one of {@code allowed}. */
    String requiredChoice(String name, List<String> allowed) {
        return required(name).map(v -> choice(name, v, allowed)).getOrElse("");
    }

    /** An optional string that must be one of {@code allowed}; {@code fallback} when absent. */
    String optionalChoice(String name, List<String> allowed, String fallback) {
        return field(name).map(v -> choice(name, v, allowed)).getOrElse(fallback);
    }

    private String choice(String name, JsonNode v, List<String> allowed) {
        String text = string(path(name), v);
        if (v.isTextual() && !allowed.contains(text)) {
            problem(path(name), "'" + text + "' is not one of " + String.join(", ", allowed));
        }
        return text;
    }

    // ---------------------------------------------------------------- objects, arrays, maps

    Option<Fields> requiredObject(String name) {
        return required(name).flatMap(v -> of(v, path(name), problems));
    }

    Option<Fields> optionalObject(String name) {
        return field(name).flatMap(v -> of(v, path(name), problems));
    }

    /**
     * The elements of an array field, each read by {@code element} (given the element and its
     * path); elements that could not be read are left out (their problems are recorded).
     */
    <T> List<T> list(String name, boolean required, BiFunction<JsonNode, String, Option<T>> element) {
        Option<JsonNode> array = required ? required(name) : field(name);
        List<T> out = new ArrayList<>();
        array.forEach(a -> {
            if (!a.isArray()) {
                problem(path(name), "expected an array, found " + describe(a));
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                element.apply(a.get(i), path(name) + "[" + i + "]").forEach(out::add);
            }
        });
        return out;
    }

    /** A list of objects, each read by {@code reader} from its fields. */
    <T> List<T> objects(String name, boolean required, Function<Fields, Option<T>> reader) {
        return list(name, required, (v, p) -> of(v, p, problems).flatMap(reader));
    }

    List<String> strings(String name) {
        return list(name, false, (v, p) -> {
            if (v.isTextual()) {
                return Option.some(v.textValue());
            }
            string(p, v);
            return Option.none();
        });
    }

    /** A list of non-negative integer ids. */
    List<Long> ids(String name, boolean required) {
        return list(name, required, (v, p) -> {
            int before = problems.size();
            long id = integer(p, v, Long.MAX_VALUE, problems);
            return problems.size() == before ? Option.some(id) : Option.none();
        });
    }

    /**
     * An optional object whose members are all strings (e.g. translations of one language), in
     * file order; empty member names are refused.
     */
    Map<String, String> stringMap(JsonNode object, String atPath) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!object.isObject()) {
            problem(atPath, "expected an object, found " + describe(object));
            return out;
        }
        object.properties().forEach(e -> {
            String memberPath = member(atPath, e.getKey());
            if (e.getKey().isEmpty()) {
                problem(memberPath, "a key must not be empty");
            } else if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            } else {
                problem(memberPath, "expected a string, found " + describe(e.getValue()));
            }
        });
        return out;
    }

    /** How a node looks, for "found ..." in a reason. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String text = v.textValue();
            return "a string (\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\")";
        }
        if (v.isNumber()) {
            return "a number (" + v.asText() + ")";
        }
        if (v.isBoolean()) {
            return "a boolean (" + v.booleanValue() + ")";
        }
        if (v.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
