package com.subscriptionsuite.adapters.http.webhook;

import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.FieldDetail;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.events.ManageWebhooks;
import com.subscriptionsuite.application.port.in.events.WebhookFailure;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Delivery;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status;
import io.javalin.http.Context;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The admin's webhook deliveries (admin key; docs/webhooks.md): {@code GET /admin/webhooks/deliveries}
 * ({@code status}, {@code page} from 0, {@code size} 1..100; newest first) and
 * {@code POST /admin/webhooks/deliveries/{id}/resend} (a failed delivery pending again at once).
 */
public final class WebhookAdminEndpoints {
    static final int MAX_SIZE = 100;

    private final ManageWebhooks manage;
    private final Json json;

    private WebhookAdminEndpoints(ManageWebhooks manage, Json json) {
        this.manage = manage;
        this.json = json;
    }

    public static List<Route> routes(ManageWebhooks manage, Json json) {
        WebhookAdminEndpoints e = new WebhookAdminEndpoints(manage, json);
        return List.of(
                Route.get("/admin/webhooks/deliveries", Route.Scope.TENANT, Access.ADMIN, e::list),
                Route.post("/admin/webhooks/deliveries/{id}/resend", Route.Scope.TENANT, Access.ADMIN, e::resend));
    }

    void list(Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        Either<ApiError, Option<Status>> status = status(ctx.queryParam("status"));
        Either<ApiError, Integer> page = number("page", ctx.queryParam("page"), 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        Either<ApiError, Integer> size = number("size", ctx.queryParam("size"), 20, 1, MAX_SIZE);
        json.send(ctx, status.flatMap(s -> page.flatMap(p -> size.map(n -> new DeliveryPage(p, n,
                manage.deliveries(tenantId, s, p, n).stream().map(DeliveryResponse::from).toList())))));
    }

    void resend(Context ctx) {
        long tenantId = RequestTenant.of(ctx).id();
        String raw = ctx.pathParam("id");
        Either<ApiError, Long> id = id(raw);
        json.send(ctx, id.flatMap(i -> manage.resend(tenantId, i).mapLeft(WebhookAdminEndpoints::error)
                .map(DeliveryResponse::from)));
    }

    static ApiError error(WebhookFailure failure) {
        String message = failure instanceof WebhookFailure.DeliveryNotFailed notFailed
                ? "delivery " + notFailed.deliveryId() + " is " + notFailed.status().name().toLowerCase(Locale.ROOT)
                        + ", not failed: only a failed (parked) delivery is re-sent"
                : "no webhook delivery " + ((WebhookFailure.DeliveryNotFound) failure).deliveryId()
                        + " in this tenant";
        return new ApiError(failure.code(), message, List.of(new FieldDetail("id", message)), null);
    }

    private static Either<ApiError, Long> id(String raw) {
        if (raw != null && raw.matches("[0-9]{1,18}")) {
            return Either.right(Long.parseLong(raw));
        }
        return Either.left(ApiError.from(new RequestFailure.FieldType("id", "a delivery id (digits)", "'" + raw
                + "'")));
    }

    private static Either<ApiError, Option<Status>> status(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.right(Option.none());
        }
        return Option.ofOptional(Arrays.stream(Status.values())
                        .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(raw)).findFirst())
                .map(Option::some)
                .toEither(() -> ApiError.from(new RequestFailure.FieldType("status",
                        "one of pending, sending, delivered, failed", "'" + raw + "'")));
    }

    private static Either<ApiError, Integer> number(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return Either.right(fallback);
        }
        if (raw.matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(raw);
            if (n >= min && n <= max) {
                return Either.right(n);
            }
        }
        return Either.left(ApiError.from(new RequestFailure.FieldType(name, "an integer from " + min + " to " + max,
                "'" + raw + "'")));
    }

    /** A page of deliveries. */
    record DeliveryPage(int page, int size, List<DeliveryResponse> deliveries) {
    }

    /** One delivery on the wire (snake_case by the API's JSON settings). */
    record DeliveryResponse(long id, String endpoint, String eventId, String eventType, String orderingKey,
            String status, int attempts, String createdAt, String firstAttemptAt, String lastAttemptAt,
            Integer lastStatus, String lastError, String nextAttemptAt) {
        static DeliveryResponse from(Delivery d) {
            boolean waiting = d.status() == Status.PENDING;
            return new DeliveryResponse(d.id(), d.endpoint(), d.eventId(), d.eventType(), d.orderingKey(),
                    d.status().name().toLowerCase(Locale.ROOT), d.attempts(), text(d.createdAt()),
                    text(d.firstAttemptAt()), text(d.lastAttemptAt()), d.lastStatus() == 0 ? null : d.lastStatus(),
                    d.lastError(), waiting ? text(d.nextAttemptAt()) : null);
        }

        /** An ISO-8601 instant in UTC, or null. */
        private static String text(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
