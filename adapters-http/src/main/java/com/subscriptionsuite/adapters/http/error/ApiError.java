package com.subscriptionsuite.adapters.http.error;

import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant.TenantUnknown;
import com.subscriptionsuite.application.port.in.translation.Translate.LanguageNotOffered;
import java.util.List;
import java.util.Objects;

/**
 * A failure as the HTTP API reports it: a stable code (its status comes from {@link ErrorTable}),
 * a message naming the field at fault, field details, and for {@code internal_error} the
 * correlation id. Built from the use cases' failure records and the adapter's own
 * {@link RequestFailure}s.
 */
public record ApiError(String code, String message, List<FieldDetail> details, String correlationId) {
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = List.copyOf(details);
    }

    public int status() {
        return ErrorTable.status(code);
    }

    public static ApiError from(RequestFailure failure) {
        String correlationId = failure instanceof RequestFailure.Unexpected u ? u.correlationId() : null;
        return new ApiError(failure.code(), failure.message(), failure.details(), correlationId);
    }

    public static ApiError from(PreviewFailure failure) {
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field()))), null);
    }

    public static ApiError from(CatalogFailure failure) {
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail("id", reasonOf(failure.message(), "id"))), null);
    }

    public static ApiError from(LanguageNotOffered failure) {
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail("lang", reasonOf(failure.message(), "lang"))), null);
    }

    /**
     * @param source where the request named the tenant: {@code X-Tenant} (the header) or
     *               {@code Host}
     */
    public static ApiError from(TenantUnknown failure, String source) {
        String asked = failure.asked() == null || failure.asked().isBlank() ? "(none)" : "'" + failure.asked() + "'";
        String reason = "no tenant " + asked;
        return new ApiError(failure.code(), source + ": " + reason, List.of(new FieldDetail(source, reason)), null);
    }

    /** The part of a {@code "field: reason"} message after the field, or the whole message. */
    private static String reasonOf(String message, String field) {
        String prefix = field + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
