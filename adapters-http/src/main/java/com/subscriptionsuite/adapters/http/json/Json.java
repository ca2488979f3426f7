package com.subscriptionsuite.adapters.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.FieldDetail;
import io.javalin.http.Context;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The adapter's one JSON configuration and response writer. Reading is strict (unknown fields
 * refused, no coercion between strings, numbers and booleans, no floats as integers, duplicate
 * keys refused); writing uses snake_case names and writes {@code BigDecimal} plainly
 * ({@code 19.00}, never {@code 1.9E+1}).
 */
public final class Json {
    public static final String CONTENT_TYPE = "application/json";
    /**
     * The parser's limits on a request body, stated here rather than left to Jackson's defaults
     * (which they equal) because the API promises them: deeper nesting, longer numbers, field names
     * or strings are refused with 400 ({@code RequestFailure.JsonLimitExceeded}).
     */
    public static final int MAX_NESTING_DEPTH = 1000;
    public static final int MAX_NUMBER_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 50_000;
    public static final int MAX_STRING_LENGTH = 20_000_000;

    private final ObjectMapper mapper;

    private Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static Json strict() {
        return new Json(strictMapper());
    }

    static ObjectMapper strictMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        for (LogicalType numeric : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType structured : List.of(LogicalType.POJO, LogicalType.Collection, LogicalType.Map)) {
            mapper.coercionConfigFor(structured)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    public byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A response body written token by token ({@link #written}): for a hot endpoint whose answer would
     * otherwise be built as records and serialised by reflection (the price preview, docs/benchmarks.md §2).
     */
    @FunctionalInterface
    public interface Writing {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    /**
     * The bytes {@code writing} writes, with this mapper's output settings (plain {@code BigDecimal}s):
     * the same bytes {@link #bytes} gives for the equivalent records, without building them.
     */
    public byte[] written(Writing writing) {
        return render(writing).toByteArray();
    }

    /**
     * {@code writing}'s whole answer in this thread's buffer, rendered before anything of it is sent (a
     * writer that fails half-way leaves no half answer behind). Valid until the thread's next render.
     */
    private RenderBuffer render(Writing writing) {
        RenderBuffer buffer = RENDER_BUFFERS.get();
        buffer.reset();
        try (JsonGenerator generator = mapper.createGenerator(buffer)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer;
    }

    /** A render buffer larger than this after an answer is dropped (not kept with its thread). */
    private static final int KEPT_RENDER_BYTES = 64 * 1024;
    private static final ThreadLocal<RenderBuffer> RENDER_BUFFERS = ThreadLocal.withInitial(RenderBuffer::new);

    /**
     * One per server thread, reused from answer to answer: rendering a preview into a new 4 KiB
     * buffer and then into an array of its size was, with the body read, the most a preview allocated
     * beyond what {@code /health} does (docs/benchmarks.md §2). Unsynchronised: only its thread uses it.
     */
    private static final class RenderBuffer extends OutputStream {
        private byte[] bytes = new byte[4096];
        private int count;

        void reset() {
            if (bytes.length > KEPT_RENDER_BYTES) {
                bytes = new byte[4096];
            }
            count = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, count);
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, count);
        }
    }

    /** Writes {@code body} as the JSON response with status 200. */
    public void ok(Context ctx, Object body) {
        write(ctx, 200, body);
    }

    public void write(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    /** Writes the error envelope {@code {"error": {...}}} with the status from the error table and the error's headers. */
    public void error(Context ctx, ApiError error) {
        error.headers().forEach(ctx::header);
        ctx.status(error.status()).contentType(CONTENT_TYPE).result(errorBytes(error));
    }

    /** The error envelope as bytes, for writers outside a Javalin handler (the server's own refusals). */
    public byte[] errorBytes(ApiError error) {
        return bytes(new ErrorEnvelope(new ErrorEnvelope.Error(error.code(), error.message(), error.details(),
                error.correlationId())));
    }

    /** Writes the result: the body with 200, or the error envelope. */
    public void send(Context ctx, Either<ApiError, ?> result) {
        result.peekLeft(error -> error(ctx, error)).peek(body -> ok(ctx, body));
    }

    /**
     * Writes a result whose body was rendered already ({@link #bytes}, e.g. once for an operation's
     * kept answer and the response alike): the bytes with 200, or the error envelope.
     */
    public void sendRendered(Context ctx, Either<ApiError, byte[]> result) {
        result.peekLeft(error -> error(ctx, error))
                .peek(body -> ctx.status(200).contentType(CONTENT_TYPE).result(body));
    }

    /**
     * Sends a result whose body is written token by token ({@link Writing}): the error envelope, or the
     * body with 200. The body is rendered whole into the thread's buffer first and then written to the
     * response's output stream at once, instead of being handed to Javalin as the result (a new array,
     * which Javalin copies through a buffer of the connector's output size, 32 KiB, allocated per
     * response, after the handler returns). What goes on the wire is the same: the stream is Javalin's
     * (it compresses as it would, deciding on the same length), the answer stays in the connector's
     * output buffer until the handler returns, and the server completes the response with its
     * Content-Length as before. Only for a route whose answer nothing reads back after the handler
     * ({@code ctx.result()} stays empty): the price preview (docs/benchmarks.md §2); an Idempotency-Key
     * route reads its result back and must not use it.
     */
    public void sendWritten(Context ctx, Either<ApiError, Writing> result) throws IOException {
        if (result.isLeft()) {
            error(ctx, result.getLeft());
            return;
        }
        RenderBuffer body = render(result.get());
        body.writeTo(ctx.status(200).contentType(CONTENT_TYPE).outputStream());
    }

    /** The wire shape of every error. */
    record ErrorEnvelope(Error error) {
        record Error(String code, String message, List<FieldDetail> details,
                @JsonInclude(JsonInclude.Include.NON_NULL) String correlationId) {
        }
    }
}
