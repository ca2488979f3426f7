package com.subscriptionsuite.application.port.in.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How events are delivered: a consumer's lease (taken over after it when its instance died), the
 * batch a consumer reads at once, a webhook's timeout, and its retry schedule (the first delay,
 * doubled per attempt up to {@code retryMax}, with a jitter of -20 % to +20 %, for
 * {@code retryWindow} from the first attempt; then the delivery is parked as failed).
 */
public record DeliverySettings(Duration consumerLease, int batchSize, Duration webhookTimeout, Duration retryFirst,
        Duration retryMax, Duration retryWindow) {
    public static final DeliverySettings DEFAULTS = new DeliverySettings(Duration.ofSeconds(30), 100,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));

    public DeliverySettings {
        positive(consumerLease, "consumerLease");
        positive(webhookTimeout, "webhookTimeout");
        positive(retryFirst, "retryFirst");
        positive(retryMax, "retryMax");
        positive(retryWindow, "retryWindow");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is at least 1: " + batchSize);
        }
        if (retryMax.compareTo(retryFirst) < 0) {
            throw new IllegalArgumentException("retryMax " + retryMax + " is below retryFirst " + retryFirst);
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
