package com.subscriptionsuite.application.service.events;

import com.subscriptionsuite.application.port.in.events.DeliverEvents;
import com.subscriptionsuite.application.port.in.events.DeliverySettings;
import com.subscriptionsuite.application.port.in.events.ManageWebhooks;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventFeed;
import com.subscriptionsuite.application.port.out.events.EventListener;
import com.subscriptionsuite.application.port.out.webhooks.SigningSecrets;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries;
import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Map;

/** Builds the event delivery use cases; the services stay package-private. */
public final class EventUseCases {
    private EventUseCases() {
    }

    /** The webhook ports, all or none. */
    public record Webhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSender sender,
            SigningSecrets secrets) {
    }

    /** What the engine hands out: the delivery rounds, and the admin's view when webhooks are configured. */
    public record Cases(DeliverEvents deliverEvents, Option<ManageWebhooks> manageWebhooks) {
    }

    public static Cases create(BusinessEvents events, EventFeed feed, Transactions transactions,
            Map<String, EventListener> listeners, Option<Webhooks> webhooks, DeliverySettings settings,
            String holder, Clock clock) {
        Option<WebhookDeliveryService> workers = webhooks.map(w -> new WebhookDeliveryService(w.deliveries(),
                w.endpoints(), w.sender(), w.secrets(), settings, holder, clock));
        return new Cases(new EventDeliveryService(events, feed, transactions, listeners,
                webhooks.map(Webhooks::endpoints), webhooks.map(Webhooks::deliveries), workers, settings, holder,
                clock), workers.map(w -> w));
    }
}
