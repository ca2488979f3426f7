package com.subscriptionsuite.application.port.in.events;

import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Delivery;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/** The admin's view of a tenant's webhook deliveries (admin key, docs/webhooks.md). */
public interface ManageWebhooks {
    /** A page ({@code page} from 0) of the tenant's deliveries, newest first, optionally of one status. */
    List<Delivery> deliveries(long tenantId, Option<Status> status, int page, int size);

    /** Makes a failed (parked) delivery pending again at once, with a fresh retry window. */
    Either<WebhookFailure, Delivery> resend(long tenantId, long deliveryId);
}
