package com.subscriptionsuite.application.port.in.events;

/**
 * Runs the outbox's consumers and the webhook workers; the host calls it periodically (the server
 * every {@code SUITE_EVENTS_POLL_MILLIS}), on as many instances as it likes.
 */
public interface DeliverEvents {
    /**
     * One round: releases the scheduled events that came due, then every consumer (each in-process
     * listener, the webhook fan-out) whose lease this instance gets reads and handles what is new, in
     * order. How many events the consumers handled.
     */
    int deliver();

    /** One round of webhook workers: posts the deliveries that are due; how many were attempted. */
    int sendWebhooks();
}
