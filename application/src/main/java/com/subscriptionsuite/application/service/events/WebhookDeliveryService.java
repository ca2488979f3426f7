package com.subscriptionsuite.application.service.events;

import com.subscriptionsuite.application.port.in.events.DeliverySettings;
import com.subscriptionsuite.application.port.in.events.ManageWebhooks;
import com.subscriptionsuite.application.port.in.events.WebhookFailure;
import com.subscriptionsuite.application.port.out.webhooks.SigningSecrets;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Delivery;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status;
import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The webhook workers and the admin's view of deliveries (docs/webhooks.md). A worker claims due
 * deliveries (each by one worker on one instance; a later event of an endpoint's subscription waits
 * for the earlier one), signs each body with its endpoint's secret and posts it outside any unit of
 * work, then records the answer: 2xx delivered; anything else (another status, a timeout, a refused
 * connection, a secret that is not set) is retried by the {@link RetrySchedule}, and parked as failed
 * once its window is over.
 */
final class WebhookDeliveryService implements ManageWebhooks {
    private static final System.Logger LOG = System.getLogger(WebhookDeliveryService.class.getName());
    /** Deliveries claimed at once: each is posted in turn, so a claim lasts for all of them (below). */
    private static final int CLAIM = 5;
    /** Claim rounds per {@link #sendDue} call, so one call ends even while deliveries keep coming. */
    private static final int ROUNDS = 20;
    private static final int MAX_ERROR = 500;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final SigningSecrets secrets;
    private final DeliverySettings settings;
    private final RetrySchedule retries;
    private final String holder;
    private final Clock clock;

    WebhookDeliveryService(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
            SigningSecrets secrets, DeliverySettings settings, String holder, Clock clock) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retries = new RetrySchedule(settings.retryFirst(), settings.retryMax(), settings.retryWindow());
        this.holder = Objects.requireNonNull(holder, "holder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Posts every due delivery it can claim; how many it attempted. */
    int sendDue() {
        int attempted = 0;
        // a claim outlives posting the whole claimed batch (each post up to the timeout), so only a dead
        // worker's claims are ever taken again
        Duration claimFor = settings.webhookTimeout().plusSeconds(5).multipliedBy(CLAIM).plusSeconds(5);
        for (int round = 0; round < ROUNDS; round++) {
            List<Delivery> claimed = deliveries.claim(holder, clock.instant(), claimFor, CLAIM);
            if (claimed.isEmpty()) {
                return attempted;
            }
            for (Delivery d : claimed) {
                send(d);
                attempted++;
            }
        }
        return attempted;
    }

    private void send(Delivery d) {
        Option<WebhookEndpoints.Endpoint> endpoint = Option.ofOptional(endpoints.endpoints(d.tenantId()).stream()
                .filter(e -> e.name().equals(d.endpoint())).findFirst());
        Instant now = clock.instant();
        Instant first = d.firstAttemptAt() == null ? now : d.firstAttemptAt();
        if (endpoint.isEmpty()) {
            deliveries.failed(d.id(), holder, now, "endpoint " + d.endpoint() + " is no longer in the tenant file",
                    Option.none());
            return;
        }
        Option<String> secret = secrets.secret(endpoint.get().secretEnv()).filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            fail(d, now, first, "the signing secret's variable " + endpoint.get().secretEnv() + " is not set");
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Suite-Event-Id", d.eventId());
        headers.put("Suite-Event-Type", d.eventType());
        headers.put("Suite-Delivery-Id", Long.toString(d.id()));
        headers.put("Suite-Delivery-Attempt", Integer.toString(d.attempts() + 1));
        Either<String, Integer> answer;
        try {
            answer = sender.post(endpoint.get().url(), headers, d.body(), secret.get(), now, settings.webhookTimeout());
        } catch (RuntimeException e) {
            answer = Either.left(e.toString());
        }
        Instant done = clock.instant();
        if (answer.isRight() && answer.get() >= 200 && answer.get() < 300) {
            deliveries.delivered(d.id(), holder, done, answer.get());
            return;
        }
        fail(d, done, first, answer.fold(error -> error, status -> "HTTP " + status));
    }

    private void fail(Delivery d, Instant at, Instant first, String error) {
        Option<Instant> next = retries.next(d.id(), d.attempts() + 1, first, at);
        if (next.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery {0} of event {1} to {2} failed for the whole retry"
                    + " window: parked ({3})", d.id(), d.eventId(), d.endpoint(), error);
        }
        deliveries.failed(d.id(), holder, at, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                next);
    }

    @Override
    public List<Delivery> deliveries(long tenantId, Option<Status> status, int page, int size) {
        return deliveries.list(tenantId, status, page * size, size);
    }

    @Override
    public Either<WebhookFailure, Delivery> resend(long tenantId, long deliveryId) {
        Option<Delivery> found = deliveries.delivery(tenantId, deliveryId);
        if (found.isEmpty()) {
            return Either.left(new WebhookFailure.DeliveryNotFound(deliveryId));
        }
        if (!deliveries.resend(tenantId, deliveryId, clock.instant())) {
            Status now = deliveries.delivery(tenantId, deliveryId).map(Delivery::status).getOrElse(found.get().status());
            return Either.left(new WebhookFailure.DeliveryNotFailed(deliveryId, now));
        }
        return Either.right(deliveries.delivery(tenantId, deliveryId).getOrElse(found.get()));
    }
}
