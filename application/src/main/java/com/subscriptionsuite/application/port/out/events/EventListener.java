package com.subscriptionsuite.application.port.out.events;

/**
 * An embedding host's in-process consumer of the business events ({@code Engine.Builder.listener}).
 * Each listener is a consumer of its own: it is handed every event once its booking committed, in
 * the outbox's order, at least once (an event handed over when the instance stopped before its
 * position was saved is handed over again, to this or another instance): handle it idempotently,
 * keyed by {@link BusinessEvent#id()}. A listener that throws gets the same event again on the next
 * delivery round; later events wait for it.
 */
@FunctionalInterface
public interface EventListener {
    void on(FeedEvent event);

    /** The event, its position in the outbox and its JSON (the webhook body). */
    record FeedEvent(long position, BusinessEvent event, String json) {
    }
}
