package com.subscriptionsuite.adapters.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigInteger;

/**
 * An id field that the seed types as a string but that holds a number ({@code page_id}): a JSON
 * integer or a string of ASCII digits, either within 0 to {@link Long#MAX_VALUE}. A request record
 * binds such a field as {@link JsonNode} (the strict mapper refuses numbers for strings) and reads
 * it here; anything else is {@code field_type} naming the field. Absent or null is none.
 */
public final class DigitsOrInteger {
    static final String EXPECTED = "a string of digits or an integer";
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private DigitsOrInteger() {
    }

    public static Either<RequestFailure, Option<Long>> read(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Either.right(Option.none());
        }
        if (value.isIntegralNumber()) {
            return inRange(field, value.bigIntegerValue(), "an integer");
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Either.left(new RequestFailure.FieldType(field, EXPECTED, "a string that is not all digits"));
            }
            return inRange(field, new BigInteger(text), "a string of digits");
        }
        return Either.left(new RequestFailure.FieldType(field, EXPECTED, kind(value)));
    }

    private static Either<RequestFailure, Option<Long>> inRange(String field, BigInteger number, String what) {
        if (number.signum() < 0 || number.compareTo(MAX) > 0) {
            return Either.left(new RequestFailure.FieldType(field, EXPECTED + " from 0 to " + Long.MAX_VALUE,
                    what + " out of that range"));
        }
        return Either.right(Option.some(number.longValueExact()));
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "number with a fraction";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            default -> "another type";
        };
    }
}
