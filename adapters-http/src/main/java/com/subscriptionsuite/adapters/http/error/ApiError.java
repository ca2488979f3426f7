package com.subscriptionsuite.adapters.http.error;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncFailure;
import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant.TenantUnknown;
import com.subscriptionsuite.application.port.in.translation.Translate.LanguageNotOffered;
import com.subscriptionsuite.application.port.in.vat.VatFailure;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure as the HTTP API reports it: a stable code (its status comes from {@link ErrorTable}),
 * a message naming the field at fault, field details, and for {@code internal_error} the
 * correlation id, and the response headers the failure needs ({@code Retry-After},
 * {@code WWW-Authenticate}). Built from the use cases' failure records and the adapter's own
 * {@link RequestFailure}s.
 */
public record ApiError(String code, String message, List<FieldDetail> details, String correlationId,
        Map<String, String> headers) {
    /** RFC 6750: the challenge for a request without a token ... */
    public static final String BEARER_CHALLENGE = "Bearer";
    /** ... and for a token or key that was presented but is not valid here. */
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = List.copyOf(details);
        headers = Map.copyOf(headers);
    }

    public ApiError(String code, String message, List<FieldDetail> details, String correlationId) {
        this(code, message, details, correlationId, Map.of());
    }

    public int status() {
        return ErrorTable.status(code);
    }

    /** The adapter's own failures; {@code server_busy} carries {@code Retry-After}. */
    public static ApiError from(RequestFailure failure) {
        String correlationId = failure instanceof RequestFailure.Unexpected u ? u.correlationId() : null;
        Map<String, String> headers = failure instanceof RequestFailure.ServerBusy busy
                ? Map.of("Retry-After", Long.toString(Math.max(1, busy.retryAfterSeconds())))
                : Map.of();
        return new ApiError(failure.code(), failure.message(), failure.details(), correlationId, headers);
    }

    public static ApiError from(PreviewFailure failure) {
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field()))), null);
    }

    /**
     * A voucher failure: a rule's refusal names the path's {@code code} in {@code details} (or
     * {@code page_id} when the code is not valid on the page); rejected campaign definitions name
     * each problem's path.
     */
    public static ApiError from(VoucherFailure failure) {
        if (failure instanceof VoucherFailure.CampaignsRejected rejected) {
            return new ApiError(failure.code(), failure.message(),
                    rejected.problems().stream().map(p -> new FieldDetail(p.path(), p.reason())).toList(), null);
        }
        String field = failure instanceof VoucherFailure.Refused refused
                && refused.rejection() instanceof VoucherRejection.NotValidOnPage ? "page_id" : "code";
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail(field, reasonOf(failure.message(), field))), null);
    }

    /**
     * A payment-method failure: rejected payment details name every field at fault; other failures
     * name their field (a parameter or a body field) when they have one.
     */
    public static ApiError from(PaymentFailure failure) {
        if (failure instanceof PaymentFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        if (failure instanceof PaymentFailure.PaymentDataInvalid invalid) {
            return new ApiError(failure.code(), failure.message(),
                    invalid.problems().stream().map(p -> new FieldDetail(p.field(), p.reason())).toList(), null);
        }
        List<FieldDetail> details = failure.field().isEmpty() ? List.of()
                : List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field())));
        return new ApiError(failure.code(), failure.message(), details, null);
    }

    /** A VAT ID that could not even be looked at (empty): names the path's {@code vatId}. */
    public static ApiError from(VatFailure failure) {
        return new ApiError(failure.code(), failure.message(), List.of(new FieldDetail("vatId", failure.message())),
                null);
    }

    /**
     * A refused subscription change: the details name the request part at fault (the path's
     * {@code uuid}, {@code quantity} or {@code changeOptionId}, or the {@code effective_date} query
     * parameter).
     */
    public static ApiError from(ChangeFailure failure) {
        if (failure instanceof ChangeFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field()))), null);
    }

    public static ApiError from(CatalogFailure failure) {
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail("id", reasonOf(failure.message(), "id"))), null);
    }

    /**
     * A catalog sync that stored nothing: a refusal names every problem (its path into the merged
     * definition or the billing system's catalog, and why) in {@code details}; a billing failure is
     * answered as every billing failure is.
     */
    public static ApiError from(CatalogSyncFailure failure) {
        if (failure instanceof CatalogSyncFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        if (failure instanceof CatalogSyncFailure.Refused refused) {
            return new ApiError(failure.code(), failure.message(),
                    refused.problems().stream().map(p -> new FieldDetail(p.path(), p.reason())).toList(), null);
        }
        return new ApiError(failure.code(), failure.message(), List.of(), null);
    }

    public static ApiError from(LanguageNotOffered failure) {
        return new ApiError(failure.code(), failure.message(),
                List.of(new FieldDetail("lang", reasonOf(failure.message(), "lang"))), null);
    }

    /**
     * An identity or admin failure: field rejections name their field in {@code details};
     * {@code login_throttled} and {@code too_many_requests} carry {@code Retry-After}; every 401 carries a Bearer challenge
     * ({@code WWW-Authenticate}, as RFC 9110 requires of a 401): {@code error="invalid_token"} for a
     * token or admin key that was presented and refused, the bare challenge for wrong login
     * credentials (a caller that sent no token at all gets the bare one too, see
     * {@code RequestAccess}).
     */
    public static ApiError from(IdentityFailure failure) {
        List<FieldDetail> details = failure.field() == null || failure.field().isEmpty()
                ? List.of()
                : List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field())));
        Map<String, String> headers = new LinkedHashMap<>();
        if (failure instanceof IdentityFailure.LoginThrottled throttled) {
            headers.put("Retry-After", Long.toString(Math.max(1, throttled.retryAfterSeconds())));
        }
        if (failure instanceof IdentityFailure.RequestsThrottled throttled) {
            headers.put("Retry-After", Long.toString(Math.max(1, throttled.retryAfterSeconds())));
        }
        if (ErrorTable.status(failure.code()) == 401) {
            headers.put("WWW-Authenticate", failure instanceof IdentityFailure.CredentialsInvalid
                    ? BEARER_CHALLENGE
                    : INVALID_TOKEN_CHALLENGE);
        }
        return new ApiError(failure.code(), failure.message(), details, null, headers);
    }

    /**
     * An account failure; a refused account names every problem in {@code details}, each under
     * {@code prefix} ({@code ""} for PUT /account, {@code "account."} in a checkout).
     */
    public static ApiError from(AccountFailure failure) {
        if (failure instanceof AccountFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        return account(failure, "", failure.message());
    }

    /**
     * A refused checkout: the field at fault in {@code details}, every problem of a refused account
     * or of refused payment data.
     */
    public static ApiError from(CheckoutFailure failure) {
        if (failure instanceof CheckoutFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        if (failure instanceof CheckoutFailure.AccountRefused refused
                && refused.failure() instanceof AccountFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        if (failure instanceof CheckoutFailure.PaymentMethodRefused refused
                && refused.failure() instanceof PaymentFailure.BillingFailed billing) {
            return from(billing.failure());
        }
        if (failure instanceof CheckoutFailure.AccountRefused refused) {
            return account(refused.failure(), "account.", failure.message());
        }
        if (failure instanceof CheckoutFailure.CartRefused cart) {
            return from(cart.failure());
        }
        if (failure instanceof CheckoutFailure.PaymentMethodRefused refused
                && refused.failure() instanceof PaymentFailure.PaymentDataInvalid invalid) {
            return new ApiError(failure.code(), failure.message(), invalid.problems().stream()
                    .map(p -> new FieldDetail("payment_method." + p.field(), p.reason())).toList(), null);
        }
        List<FieldDetail> details = failure.field().isEmpty() ? List.of()
                : List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field())));
        return new ApiError(failure.code(), failure.message(), details, null);
    }

    private static ApiError account(AccountFailure failure, String prefix, String message) {
        List<FieldDetail> details;
        if (failure instanceof AccountFailure.AccountInvalid invalid) {
            details = invalid.problems().stream().map(p -> new FieldDetail(prefix + p.field(), p.reason())).toList();
        } else if (failure.field().isEmpty()) {
            details = List.of();
        } else {
            details = List.of(new FieldDetail(prefix + failure.field(), reasonOf(failure.message(), failure.field())));
        }
        return new ApiError(failure.code(), message, details, null);
    }

    /** What {@code quote_source_unavailable} asks a client to wait before retrying, in seconds. */
    public static final long QUOTE_SOURCE_RETRY_AFTER_SECONDS = 2;

    /**
     * A quote not shown, confirmed or published: a refused booking as the checkout reports it, a quote
     * source that did not answer (503 {@code quote_source_unavailable}, {@code Retry-After: 2}) or
     * refused (502 {@code quote_source_rejected}, its code and message in {@code details}), else the
     * failure's code with its field.
     */
    public static ApiError from(QuoteFailure failure) {
        if (failure instanceof QuoteFailure.BookingFailed booking) {
            return from(booking.failure());
        }
        if (failure instanceof QuoteFailure.SourceFailed source
                && source.failure() instanceof QuoteSourceFailure.Unavailable) {
            return new ApiError(failure.code(), failure.message(), List.of(), null,
                    Map.of("Retry-After", Long.toString(QUOTE_SOURCE_RETRY_AFTER_SECONDS)));
        }
        if (failure instanceof QuoteFailure.SourceFailed source
                && source.failure() instanceof QuoteSourceFailure.Rejected rejected) {
            return new ApiError(failure.code(), failure.message(), List.of(
                    new FieldDetail("quote_source.code", rejected.code()),
                    new FieldDetail("quote_source.message", rejected.message())), null);
        }
        List<FieldDetail> details = failure.field().isEmpty() ? List.of()
                : List.of(new FieldDetail(failure.field(), reasonOf(failure.message(), failure.field())));
        return new ApiError(failure.code(), failure.message(), details, null);
    }

    /** What {@code billing_unavailable} asks a client to wait before retrying, in seconds. */
    public static final long BILLING_UNAVAILABLE_RETRY_AFTER_SECONDS = 2;
    /** The {@code details} fields of {@code billing_rejected}: the billing system's own code and message. */
    public static final String BILLING_CODE_FIELD = "billing_system.code";
    public static final String BILLING_MESSAGE_FIELD = "billing_system.message";

    /**
     * A call to the billing system that did not give its answer, in whichever use case:
     * {@code billing_unavailable} (503, {@code Retry-After: 2}), {@code billing_rate_limited} (429,
     * {@code Retry-After} the billing system's wait in whole seconds, rounded up) or
     * {@code billing_rejected} (502; a refusal names the billing system's code and message in
     * {@code details}). The message is the failure's description.
     */
    public static ApiError from(BillingFailure failure) {
        Map<String, String> headers = Map.of();
        List<FieldDetail> details = List.of();
        if (failure instanceof BillingFailure.Unavailable) {
            headers = Map.of("Retry-After", Long.toString(BILLING_UNAVAILABLE_RETRY_AFTER_SECONDS));
        } else if (failure instanceof BillingFailure.RateLimited limited) {
            headers = Map.of("Retry-After", Long.toString(wholeSecondsUp(limited.retryAfter())));
        } else if (failure instanceof BillingFailure.Rejected rejected) {
            details = List.of(new FieldDetail(BILLING_CODE_FIELD, rejected.code()),
                    new FieldDetail(BILLING_MESSAGE_FIELD, rejected.message()));
        }
        return new ApiError(failure.errorCode(), failure.describe(), details, null, headers);
    }

    /** At least one second, a part of a second counting as one. */
    private static long wholeSecondsUp(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** A refused {@code Idempotency-Key}: names the header. */
    public static ApiError from(IdempotencyFailure failure) {
        return new ApiError(failure.code(), failure.message(), List.of(new FieldDetail(IdempotencyFailure.HEADER,
                reasonOf(failure.message(), IdempotencyFailure.HEADER))), null);
    }

    /** The same error with one more response header (replacing one of the same name). */
    public ApiError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(code, message, details, correlationId, more);
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
