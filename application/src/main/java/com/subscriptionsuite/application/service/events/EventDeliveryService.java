package com.subscriptionsuite.application.service.events;

import com.subscriptionsuite.application.port.in.events.DeliverEvents;
import com.subscriptionsuite.application.port.in.events.DeliverySettings;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventFeed;
import com.subscriptionsuite.application.port.out.events.EventFeed.ConsumerLease;
import com.subscriptionsuite.application.port.out.events.EventFeed.StoredEvent;
import com.subscriptionsuite.application.port.out.events.EventListener;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries;
import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outbox's consumers (docs/events.md): the in-process listeners, each a consumer of its own, and
 * the webhook fan-out ({@value #WEBHOOKS}), which turns each event into one pending delivery per
 * matching endpoint of its tenant in the same unit that advances its position (so each event is fanned
 * out exactly once), then {@link WebhookDeliveryService} posts them.
 * <p>
 * A consumer runs on the instance holding its lease; it reads a batch after its position, handles it
 * and advances, renewing the lease per batch. A listener is handed each event once its booking
 * committed, at least once: its position is saved after it returned, so an instance that dies in
 * between hands it over again (on takeover). A listener that throws stops its consumer for the
 * round, at the event it failed on.
 */
final class EventDeliveryService implements DeliverEvents {
    static final String WEBHOOKS = "webhooks";
    private static final System.Logger LOG = System.getLogger(EventDeliveryService.class.getName());

    private final BusinessEvents events;
    private final EventFeed feed;
    private final Transactions transactions;
    private final Map<String, EventListener> listeners;
    private final Option<WebhookEndpoints> endpoints;
    private final Option<WebhookDeliveries> deliveries;
    private final Option<WebhookDeliveryService> webhooks;
    private final DeliverySettings settings;
    private final String holder;
    private final Clock clock;

    EventDeliveryService(BusinessEvents events, EventFeed feed, Transactions transactions,
            Map<String, EventListener> listeners, Option<WebhookEndpoints> endpoints,
            Option<WebhookDeliveries> deliveries, Option<WebhookDeliveryService> webhooks, DeliverySettings settings,
            String holder, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.listeners = Map.copyOf(listeners);
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One round over the consumers. Its commits (each listener's positions, the revenue lines of the
     * engine's own listener, the webhook deliveries fanned out) are durable together when it returns
     * ({@link Transactions#durableOnReturn}); a listener given to the engine is called only after what it
     * reads is durable. A crash meanwhile loses a tail of the round, and the events come again (at least once).
     */
    @Override
    public int deliver() {
        return transactions.durableOnReturn(this::deliverRound);
    }

    private int deliverRound() {
        Instant now = clock.instant();
        events.releaseDue(LocalDate.ofInstant(now, clock.getZone()), now);
        int handled = 0;
        for (Map.Entry<String, EventListener> listener : listeners.entrySet()) {
            handled += consume(listener.getKey(), batch -> toListener(listener.getValue(), batch));
        }
        if (endpoints.isDefined() && deliveries.isDefined()) {
            handled += consume(WEBHOOKS, this::fanOut);
        }
        return handled;
    }

    @Override
    public int sendWebhooks() {
        return webhooks.map(WebhookDeliveryService::sendDue).getOrElse(0);
    }

    /** What a consumer did with a batch: the position it handled through (its last event, or less). */
    @FunctionalInterface
    private interface Handler {
        long handle(Batch batch);
    }

    private record Batch(ConsumerLease lease, List<StoredEvent> events) {
    }

    /** Runs one consumer while this instance holds its lease and there is something new. */
    private int consume(String consumer, Handler handler) {
        int handled = 0;
        while (true) {
            Option<ConsumerLease> lease = feed.claim(consumer, holder, clock.instant(), settings.consumerLease());
            if (lease.isEmpty()) {
                return handled;
            }
            List<StoredEvent> batch = feed.after(lease.get().position(), settings.batchSize());
            if (batch.isEmpty()) {
                return handled;
            }
            long through;
            try {
                through = handler.handle(new Batch(lease.get(), batch));
            } catch (LostLease e) {
                LOG.log(System.Logger.Level.INFO, "consumer {0} lost its lease to another instance", consumer);
                return handled;
            }
            handled += (int) batch.stream().filter(e -> e.position() <= through).count();
            if (through < batch.get(batch.size() - 1).position()) {
                return handled;
            }
        }
    }

    /** Hands the batch to the listener event by event, saving the position after each. */
    private long toListener(EventListener listener, Batch batch) {
        long through = batch.lease().position();
        for (StoredEvent e : batch.events()) {
            try {
                listener.on(new EventListener.FeedEvent(e.position(), e.event(), e.json()));
            } catch (RuntimeException failure) {
                LOG.log(System.Logger.Level.WARNING, "listener " + batch.lease().consumer() + " failed on event "
                        + e.event().id() + " (position " + e.position() + "); it gets it again next round", failure);
                return through;
            }
            long position = e.position();
            if (!transactions.inTransaction(() -> feed.advance(batch.lease(), position))) {
                throw new LostLease();
            }
            through = position;
        }
        return through;
    }

    /** One unit: a pending delivery per event and matching endpoint, and the consumer's new position. */
    private long fanOut(Batch batch) {
        Instant now = clock.instant();
        long last = batch.events().get(batch.events().size() - 1).position();
        transactions.inTransaction(() -> {
            for (StoredEvent e : batch.events()) {
                for (WebhookEndpoints.Endpoint endpoint : endpoints.get().endpoints(e.event().tenantId())) {
                    if (endpoint.wants(e.event().type().wireName())) {
                        deliveries.get().add(new WebhookDeliveries.NewDelivery(e.event().tenantId(), endpoint.name(),
                                e.event().id(), e.event().type().wireName(), e.position(), e.event().orderingKey(),
                                now));
                    }
                }
            }
            if (!feed.advance(batch.lease(), last)) {
                throw new LostLease();
            }
            return null;
        });
        return last;
    }

    /** The consumer's lease was taken over: nothing of the unit may commit. */
    private static final class LostLease extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostLease() {
            super("the consumer's lease was taken over", null, false, false);
        }
    }
}
