package com.subscriptionsuite.adapters.http.error;

import java.util.List;
import java.util.Objects;

/**
 * What the HTTP adapter itself refuses before (or instead of) calling a use case: transport,
 * routing and request-shape failures. Each has a stable {@link #code()} mapped by {@link ErrorTable}.
 */
public sealed interface RequestFailure {
    String code();

    String message();

    List<FieldDetail> details();

    /** The body is not JSON (syntax error, empty body, trailing content). */
    record JsonMalformed(long line, long column, String problem) implements RequestFailure {
        public String code() {
            return "json_malformed";
        }

        public String message() {
            return "body: malformed JSON at line " + line + ", column " + column + ": " + problem;
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /**
     * The body breaks one of the JSON parser's limits: bad input like malformed JSON, refused with
     * a code and a message naming the limit.
     */
    record JsonLimitExceeded(Limit limit, int max) implements RequestFailure {
        public JsonLimitExceeded {
            Objects.requireNonNull(limit, "limit");
        }

        /** The parser's limits, each with its own code. */
        public enum Limit {
            NESTING_DEPTH("json_too_deep", "JSON nested deeper than the limit of %d levels"),
            NUMBER_LENGTH("json_number_too_long", "a number longer than the limit of %d digits"),
            NAME_LENGTH("json_name_too_long", "a field name longer than the limit of %d characters"),
            STRING_LENGTH("json_string_too_long", "a string longer than the limit of %d characters");

            private final String code;
            private final String description;

            Limit(String code, String description) {
                this.code = code;
                this.description = description;
            }
        }

        public String code() {
            return limit.code;
        }

        public String message() {
            return "body: " + limit.description.formatted(max);
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** A field the request schema does not have; {@code field} is its path. */
    record FieldUnknown(String field) implements RequestFailure {
        public String code() {
            return "field_unknown";
        }

        public String message() {
            return field + ": unknown field";
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail(field, "unknown field"));
        }
    }

    /** A value of the wrong JSON type (or out of the type's range). */
    record FieldType(String field, String expected, String actual) implements RequestFailure {
        public String code() {
            return "field_type";
        }

        public String message() {
            return field + ": expected " + expected + ", got " + actual;
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail(field, "expected " + expected + ", got " + actual));
        }
    }

    /** Required fields or query parameters that are missing (or null); the message names the first. */
    record FieldRequired(List<FieldDetail> missing) implements RequestFailure {
        public FieldRequired {
            missing = List.copyOf(missing);
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("no missing field");
            }
        }

        public static FieldRequired bodyFields(List<String> fields) {
            return new FieldRequired(fields.stream().map(f -> new FieldDetail(f, "is required")).toList());
        }

        public static FieldRequired queryParameter(String name) {
            return new FieldRequired(List.of(new FieldDetail(name, "query parameter is required")));
        }

        public String code() {
            return "field_required";
        }

        public String message() {
            FieldDetail first = missing.get(0);
            String more = missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "";
            return first.field() + ": " + first.reason() + more;
        }

        public List<FieldDetail> details() {
            return missing;
        }
    }

    /** The body is larger than the configured limit (declared or actually sent). */
    record BodyTooLarge(long limitBytes) implements RequestFailure {
        public String code() {
            return "body_too_large";
        }

        public String message() {
            return "body: larger than the limit of " + limitBytes + " bytes";
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** The HTTP request itself is broken (bad URI encoding, no Host, bad Content-Length ...), refused by the server. */
    record RequestMalformed(String reason) implements RequestFailure {
        public String code() {
            return "request_malformed";
        }

        public String message() {
            return "request: malformed HTTP request: " + reason;
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** The request target is longer than the server accepts. */
    record UriTooLong() implements RequestFailure {
        public String code() {
            return "uri_too_long";
        }

        public String message() {
            return "request: the URI is too long";
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** The request's header fields are larger than the server accepts. */
    record HeadersTooLarge() implements RequestFailure {
        public String code() {
            return "headers_too_large";
        }

        public String message() {
            return "request: the header fields are too large";
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** A header field the request is decided on, sent more than once. */
    record HeaderRepeated(String header, int count) implements RequestFailure {
        public String code() {
            return "header_repeated";
        }

        public String message() {
            return header + ": sent " + count + " times; send it once";
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail(header, "sent " + count + " times"));
        }
    }

    /** A body that is not declared as JSON. */
    record MediaTypeUnsupported(String contentType) implements RequestFailure {
        public String code() {
            return "media_type_unsupported";
        }

        public String message() {
            String given = contentType == null || contentType.isBlank() ? "no Content-Type" : "'" + contentType + "'";
            return "Content-Type: " + given + " is not supported; send application/json";
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail("Content-Type", "expected application/json"));
        }
    }

    /** No route has this path. */
    record RouteNotFound(String method, String path) implements RequestFailure {
        public String code() {
            return "route_not_found";
        }

        public String message() {
            return "no route " + method + " " + path;
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** The path exists, but not for this method; {@code allowed} goes into the Allow header. */
    record MethodNotAllowed(String method, String path, List<String> allowed) implements RequestFailure {
        public MethodNotAllowed {
            allowed = List.copyOf(allowed);
        }

        public String code() {
            return "method_not_allowed";
        }

        public String message() {
            return method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed);
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** A product id in the path that is not an integer: no such product, as for an unknown number. */
    record ProductIdNotNumeric(String raw) implements RequestFailure {
        public String code() {
            return "product_not_found";
        }

        public String message() {
            return "id: no product " + raw;
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail("id", "not a product id"));
        }
    }

    /** A CORS preflight from an origin the tenant does not list (answered without any CORS header). */
    record OriginNotAllowed(String origin) implements RequestFailure {
        public String code() {
            return "origin_not_allowed";
        }

        public String message() {
            return "Origin: '" + origin + "' may not call this shop's API from a browser";
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail("Origin", "not among the tenant's allowed origins"));
        }
    }

    /**
     * A body naming a user ({@code user_id}, as the seed's voucher operations allow) other than the
     * token's: the adapter acts for the token's user only, and refuses rather than silently act for
     * someone else. The message does not tell the caller's own id.
     */
    record UserMismatch() implements RequestFailure {
        public String code() {
            return "user_mismatch";
        }

        public String message() {
            return "user_id: not the user of the token; leave user_id out (the token's user is the one acted for)";
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail("user_id", "not the user of the token"));
        }
    }

    /** The representation the request's {@code Accept} asks for is not one the resource has. */
    record NotAcceptable(String accept, List<String> available) implements RequestFailure {
        public NotAcceptable {
            available = List.copyOf(available);
        }

        public String code() {
            return "not_acceptable";
        }

        public String message() {
            return "Accept: '" + accept + "' matches none of " + String.join(", ", available);
        }

        public List<FieldDetail> details() {
            return List.of(new FieldDetail("Accept", "expected one of " + String.join(", ", available)));
        }
    }

    /** The server has no capacity for the request now (its database pool stayed exhausted): retry later. */
    record ServerBusy(long retryAfterSeconds) implements RequestFailure {
        public String code() {
            return "server_busy";
        }

        public String message() {
            return "the server is busy; retry in " + retryAfterSeconds + " s (Retry-After)";
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }

    /** A bug or an outage: the body carries only the correlation id that is also logged. */
    record Unexpected(String correlationId) implements RequestFailure {
        public String code() {
            return "internal_error";
        }

        public String message() {
            return "unexpected error; quote correlation id " + correlationId;
        }

        public List<FieldDetail> details() {
            return List.of();
        }
    }
}
