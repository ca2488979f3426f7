package com.subscriptionsuite.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    final Instant first = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void doubles_from_the_first_delay_up_to_the_cap_within_twenty_percent_of_jitter() {
        long[] base = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600};
        for (int attempt = 1; attempt <= base.length; attempt++) {
            for (long id = 1; id <= 50; id++) {
                long millis = schedule.delay(id, attempt).toMillis();
                assertThat(millis).as("attempt %d of delivery %d", attempt, id)
                        .isBetween(base[attempt - 1] * 800, base[attempt - 1] * 1200);
            }
        }
    }

    @Test
    void jitter_spreads_deliveries_and_is_the_same_for_the_same_delivery_and_attempt() {
        assertThat(schedule.delay(7, 3)).isEqualTo(schedule.delay(7, 3));
        long distinct = java.util.stream.LongStream.rangeClosed(1, 50).map(id -> schedule.delay(id, 3).toMillis())
                .distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void retries_for_the_whole_window_and_then_parks() {
        Instant now = first;
        int attempt = 1;
        Instant last = first;
        while (true) {
            Option<Instant> next = schedule.next(99, attempt, first, now);
            if (next.isEmpty()) {
                break;
            }
            assertThat(next.get()).isAfter(now).isBeforeOrEqualTo(first.plus(Duration.ofHours(24)));
            last = next.get();
            now = next.get();
            attempt++;
        }
        assertThat(last).as("the last retry is at the end of the 24 h window").isEqualTo(first.plus(Duration.ofHours(24)));
        assertThat(attempt).isBetween(25, 40);
    }
}
