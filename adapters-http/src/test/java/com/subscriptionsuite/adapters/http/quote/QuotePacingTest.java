package com.subscriptionsuite.adapters.http.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuotePacingTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final QuotePacing pacing = new QuotePacing(now::get);

    private void found(long tookNanos) {
        long start = pacing.start();
        now.addAndGet(tookNanos);
        pacing.found(start);
    }

    @Test
    void holds_a_miss_back_to_the_average_time_of_a_found_quote() {
        found(80_000_000);

        long start = pacing.start();
        now.addAndGet(5_000_000);

        assertThat(pacing.hold(start)).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void a_miss_slower_than_the_average_is_not_held_back_and_one_before_any_found_quote_neither() {
        long first = pacing.start();
        assertThat(pacing.hold(first)).as("nothing known yet").isZero();

        found(10_000_000);
        long start = pacing.start();
        now.addAndGet(20_000_000);

        assertThat(pacing.hold(start)).isZero();
    }

    @Test
    void the_average_follows_found_answers_slowly_and_a_miss_waits_at_most_the_cap() {
        found(80_000_000);
        found(160_000_000);
        assertThat(pacing.average()).isEqualTo(Duration.ofMillis(90));

        for (int i = 0; i < 200; i++) {
            found(60_000_000_000L);
        }
        long start = pacing.start();

        assertThat(pacing.hold(start)).isEqualTo(QuotePacing.CAP);
    }
}
