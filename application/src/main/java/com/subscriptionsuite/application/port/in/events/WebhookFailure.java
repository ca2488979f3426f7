package com.subscriptionsuite.application.port.in.events;

import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status;

/** Why an admin's webhook request was refused. */
public sealed interface WebhookFailure {
    String code();

    record DeliveryNotFound(long deliveryId) implements WebhookFailure {
        @Override
        public String code() {
            return "webhook_delivery_not_found";
        }
    }

    record DeliveryNotFailed(long deliveryId, Status status) implements WebhookFailure {
        @Override
        public String code() {
            return "webhook_delivery_not_failed";
        }
    }
}
