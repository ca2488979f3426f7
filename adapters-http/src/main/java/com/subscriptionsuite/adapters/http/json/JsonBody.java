package com.subscriptionsuite.adapters.http.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads a request body as JSON into a request record, refusing (in this order) a body not declared
 * as JSON, a body over the size limit (by its Content-Length and by the bytes actually read, so a
 * chunked body cannot slip past), malformed JSON (with line and column), JSON beyond the parser's
 * limits (nesting depth, length of a number, a field name or a string: see {@link Json}), unknown
 * fields and values of the wrong type (with the field's path, e.g. {@code suite_products[0].quantity}).
 */
public final class JsonBody {
    private static final String BODY = JsonBody.class.getName() + ".body";
    private static final Object TOO_LARGE = new Object();

    /** A parser limit: the name Jackson gives its setting, the failure, the value set in {@link Json}. */
    private record LimitSetting(String jacksonSetting, RequestFailure.JsonLimitExceeded.Limit limit, int max) {
    }

    private static final List<LimitSetting> LIMIT_SETTINGS = List.of(
            new LimitSetting("getMaxNestingDepth", RequestFailure.JsonLimitExceeded.Limit.NESTING_DEPTH,
                    Json.MAX_NESTING_DEPTH),
            new LimitSetting("getMaxNumberLength", RequestFailure.JsonLimitExceeded.Limit.NUMBER_LENGTH,
                    Json.MAX_NUMBER_LENGTH),
            new LimitSetting("getMaxNameLength", RequestFailure.JsonLimitExceeded.Limit.NAME_LENGTH,
                    Json.MAX_NAME_LENGTH),
            new LimitSetting("getMaxStringLength", RequestFailure.JsonLimitExceeded.Limit.STRING_LENGTH,
                    Json.MAX_STRING_LENGTH));

    private final Json json;
    private final int maxBytes;
    /**
     * One reader per request type, built on first use: {@code readerFor} on every request looked the
     * type up and built a reader each time (immutable and thread-safe, so one is shared).
     */
    private final ConcurrentMap<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, JavaType> types = new ConcurrentHashMap<>();

    public JsonBody(Json json, int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public <T> Either<RequestFailure, T> read(Context ctx, Class<T> type) throws IOException {
        return read(ctx, types.computeIfAbsent(type, t -> json.mapper().constructType(t)));
    }

    public <T> Either<RequestFailure, T> read(Context ctx, TypeReference<T> type) throws IOException {
        return read(ctx, json.mapper().constructType(type));
    }

    private <T> Either<RequestFailure, T> read(Context ctx, JavaType type) throws IOException {
        String contentType = ctx.header("Content-Type");
        if (!isJson(contentType)) {
            return Either.left(new RequestFailure.MediaTypeUnsupported(contentType));
        }
        if (ctx.req().getContentLengthLong() > maxBytes) {
            return Either.left(new RequestFailure.BodyTooLarge(maxBytes));
        }
        byte[] body = bytes(ctx);
        if (body == null) {
            return Either.left(new RequestFailure.BodyTooLarge(maxBytes));
        }
        return parse(body, type);
    }

    /**
     * The request body's bytes, read once (at most the size limit) and kept with the request, so
     * that a wrapper that looks at the body first (the Idempotency-Key fingerprint) and the handler
     * that reads it see the same bytes; null when the body is larger than the limit.
     */
    public byte[] bytes(Context ctx) throws IOException {
        Object read = ctx.attribute(BODY);
        if (read == null) {
            byte[] bytes = readAtMost(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBytes);
            read = bytes == null ? TOO_LARGE : bytes;
            ctx.attribute(BODY, read);
        }
        return read == TOO_LARGE ? null : (byte[]) read;
    }

    /**
     * For operations that take no input ({@code POST /login/guest}, {@code POST /logout}): no body
     * at all, or an empty JSON object. Anything else is refused as any body would be (a field in
     * the object is {@code field_unknown}).
     */
    public Either<RequestFailure, NoFields> readNothing(Context ctx) throws IOException {
        return readOptional(ctx, NoFields.class, new NoFields());
    }

    /**
     * For operations whose body is optional (every field of it optional, e.g. the voucher
     * operations): no body at all is {@code absent}; a body, even {@code {}}, is read as
     * {@link #read(Context, Class)} reads it.
     */
    public <T> Either<RequestFailure, T> readOptional(Context ctx, Class<T> type, T absent) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length == 0 || (length < 0 && ctx.header("Transfer-Encoding") == null)) {
            return Either.right(absent);
        }
        return read(ctx, type);
    }

    /** The empty request body {@code {}}. */
    public record NoFields() {
    }

    /** JSON media types: {@code application/json} and {@code application/*+json}, any parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.equals(Json.CONTENT_TYPE)) { // what nearly every client sends: no copies to compare
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /**
     * The whole stream, or null when it holds more than {@code limit} bytes. With a declared length
     * within the limit (the usual case: a client's small JSON body) the bytes are read straight into
     * an array of that size, without the 8 KiB buffer and the copy of the general loop (a preview's
     * body is ~250 bytes; the two 8 KiB arrays were a quarter of everything the server allocated per
     * preview, docs/benchmarks.md §2); the general loop takes over when the stream holds more than it
     * declared, and what it holds decides as before.
     */
    static byte[] readAtMost(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength >= 0 && declaredLength <= limit) {
            byte[] declared = new byte[(int) declaredLength];
            int read = in.readNBytes(declared, 0, declared.length);
            if (read < declared.length) {
                return Arrays.copyOf(declared, read);
            }
            int next = in.read();
            if (next < 0) {
                return declared;
            }
            ByteArrayOutputStream more = new ByteArrayOutputStream(declared.length + 1);
            more.write(declared);
            more.write(next);
            return readRest(in, more, limit);
        }
        return readRest(in, new ByteArrayOutputStream(Math.min(limit, 8192)), limit);
    }

    /** Appends the rest of the stream to {@code out}: its bytes, or null when they come to more than {@code limit}. */
    private static byte[] readRest(InputStream in, ByteArrayOutputStream out, int limit) throws IOException {
        if (out.size() > limit) {
            return null;
        }
        byte[] buffer = new byte[8192];
        long total = out.size();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Binds the body straight to {@code type}: the fast path parses once. Only when binding fails is
     * the body read as a tree, so that malformed JSON is reported before (and instead of) a binding
     * problem that the parser met first, and so that a type error can say what it found.
     */
    <T> Either<RequestFailure, T> parse(byte[] body, JavaType type) throws IOException {
        try {
            T value = readers.computeIfAbsent(type, t -> json.mapper().readerFor(t)).readValue(body);
            if (value == null) {
                return Either.left(new RequestFailure.FieldType("body", expected(type.getRawClass()), "null"));
            }
            return Either.right(value);
        } catch (InputCoercionException e) {
            Either<RequestFailure, JsonNode> tree = tree(body);
            if (tree.isLeft()) {
                return Either.left(tree.getLeft());
            }
            JsonParser parser = e.getProcessor();
            FieldPath path = parser == null
                    ? FieldPath.of(List.<JsonMappingException.Reference>of())
                    : FieldPath.of(parser.getParsingContext().pathAsPointer());
            return Either.left(new RequestFailure.FieldType(path.display(), rangeOf(e.getTargetType()),
                    "a number out of that range"));
        } catch (StreamReadException e) {
            return Either.left(malformed(e.getLocation(), e.getOriginalMessage()));
        } catch (StreamConstraintsException e) {
            return Either.left(limitExceeded(e));
        } catch (JsonMappingException e) {
            Either<RequestFailure, JsonNode> tree = tree(body);
            if (tree.isLeft()) {
                return Either.left(tree.getLeft());
            }
            return Either.left(bindingFailure(e, tree.get()));
        }
    }

    private Either<RequestFailure, JsonNode> tree(byte[] body) throws IOException {
        JsonNode tree;
        try {
            tree = json.mapper().readTree(body);
        } catch (StreamReadException e) {
            return Either.left(malformed(e.getLocation(), e.getOriginalMessage()));
        } catch (StreamConstraintsException e) {
            return Either.left(limitExceeded(e));
        } catch (DatabindException e) {
            return Either.left(malformed(e.getLocation(), e.getOriginalMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            return Either.left(new RequestFailure.JsonMalformed(1, 1, "the body is empty"));
        }
        return Either.right(tree);
    }

    private static RequestFailure bindingFailure(JsonMappingException e, JsonNode tree) throws JsonMappingException {
        if (e instanceof UnrecognizedPropertyException) {
            return new RequestFailure.FieldUnknown(FieldPath.of(e.getPath()).display());
        }
        if (e instanceof MismatchedInputException mismatch) {
            FieldPath path = FieldPath.of(e.getPath());
            return new RequestFailure.FieldType(path.display(), expected(mismatch.getTargetType()),
                    actual(tree.at(path.pointer())));
        }
        if (e.getCause() instanceof InputCoercionException coercion) {
            return new RequestFailure.FieldType(FieldPath.of(e.getPath()).display(),
                    rangeOf(coercion.getTargetType()), "a number out of that range");
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return limitExceeded(limit);
        }
        throw e;
    }

    /**
     * Which of the parser's limits ({@link Json#MAX_NESTING_DEPTH} ...) the body broke. Jackson's
     * exception carries no more than a message naming the setting; a limit not recognised there
     * (Jackson's others are off) is reported as malformed JSON with Jackson's own words.
     */
    private static RequestFailure limitExceeded(StreamConstraintsException e) {
        String problem = String.valueOf(e.getOriginalMessage());
        for (LimitSetting setting : LIMIT_SETTINGS) {
            if (problem.contains(setting.jacksonSetting())) {
                return new RequestFailure.JsonLimitExceeded(setting.limit(), setting.max());
            }
        }
        return malformed(e.getLocation(), problem);
    }

    private static RequestFailure malformed(JsonLocation location, String problem) {
        long line = location == null ? 1 : Math.max(1, location.getLineNr());
        long column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new RequestFailure.JsonMalformed(line, column, problem == null ? "not JSON" : problem);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "another type";
        }
        if (target == Long.class || target == Integer.class || target == Short.class || target == long.class
                || target == int.class || target == short.class || target == BigInteger.class) {
            return "integer";
        }
        if (target == Double.class || target == double.class || target == BigDecimal.class) {
            return "number";
        }
        if (target == String.class) {
            return "string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String rangeOf(Class<?> target) {
        if (target == Integer.class || target == int.class) {
            return "integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        return "integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }

    private static String actual(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "another type";
        }
        return switch (node.getNodeType()) {
            case STRING, BINARY -> "string";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number with a fraction";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case MISSING -> "another type";
        };
    }

    /** A field's path, for messages ({@code suite_products[0].id}) and as a JSON pointer. */
    record FieldPath(String display, JsonPointer pointer) {
        static FieldPath of(List<JsonMappingException.Reference> refs) {
            StringBuilder display = new StringBuilder();
            StringBuilder pointer = new StringBuilder();
            for (JsonMappingException.Reference ref : refs) {
                if (ref.getFieldName() != null) {
                    display.append(display.length() == 0 ? "" : ".").append(ref.getFieldName());
                    pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
                } else if (ref.getIndex() >= 0) {
                    display.append('[').append(ref.getIndex()).append(']');
                    pointer.append('/').append(ref.getIndex());
                }
            }
            return new FieldPath(display.length() == 0 ? "body" : display.toString(),
                    JsonPointer.compile(pointer.toString()));
        }

        static FieldPath of(JsonPointer pointer) {
            StringBuilder display = new StringBuilder();
            for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
                if (p.mayMatchElement()) {
                    display.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    display.append(display.length() == 0 ? "" : ".").append(p.getMatchingProperty());
                }
            }
            return new FieldPath(display.length() == 0 ? "body" : display.toString(), pointer);
        }
    }
}
