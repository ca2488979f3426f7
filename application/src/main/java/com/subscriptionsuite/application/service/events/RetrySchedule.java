package com.subscriptionsuite.application.service.events;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * When a failed webhook is tried again: {@code first} after the first attempt, doubled per attempt
 * up to {@code max}, each delay moved by a jitter of -20 % to +20 % (derived from the delivery's id
 * and the attempt, not random: the application reads no randomness, and different deliveries still
 * spread out), for {@code window} from the first attempt. The last retry is at the window's end at
 * the latest, so a delivery is tried for the whole window; after it, none: the delivery is parked.
 */
record RetrySchedule(Duration first, Duration max, Duration window) {
    /** The next attempt after the failed attempt number {@code attempt} (from 1) at {@code now}, or none. */
    Option<Instant> next(long deliveryId, int attempt, Instant firstAttempt, Instant now) {
        Instant end = firstAttempt.plus(window);
        if (!now.isBefore(end)) {
            return Option.none();
        }
        Duration delay = delay(deliveryId, attempt);
        Instant next = now.plus(delay);
        return Option.some(next.isAfter(end) ? end : next);
    }

    /** The delay after attempt {@code attempt}: first * 2^(attempt-1), capped at max, with its jitter. */
    Duration delay(long deliveryId, int attempt) {
        long firstMillis = first.toMillis();
        long maxMillis = max.toMillis();
        long millis = firstMillis;
        for (int i = 1; i < attempt && millis < maxMillis; i++) {
            millis = Math.min(maxMillis, millis * 2);
        }
        long percent = 80 + Math.floorMod(mix(deliveryId * 31 + attempt), 41);
        return Duration.ofMillis(millis * percent / 100);
    }

    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
