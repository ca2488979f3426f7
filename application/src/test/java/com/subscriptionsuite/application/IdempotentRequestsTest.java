package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Outcome;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Response;
import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class IdempotentRequestsTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    final BillingTestEngine t = new BillingTestEngine(NOW);
    final IdempotentRequests requests = t.engine.idempotentRequests();
    final AtomicInteger runs = new AtomicInteger();

    Supplier<Response> answering(int status, String body) {
        return () -> {
            runs.incrementAndGet();
            return new Response(status, body);
        };
    }

    Either<IdempotencyFailure, Outcome> run(String key, String fingerprint, Supplier<Response> work) {
        return requests.run(1, 7, key, fingerprint, work);
    }

    @Test
    void runs_the_first_request_and_replays_its_response_to_a_retry_without_running_it_again() {
        Outcome first = run("k-1", "fp", answering(200, "{\"ids\":[\"a\"]}")).get();
        Outcome retry = run("k-1", "fp", answering(200, "{\"ids\":[\"b\"]}")).get();

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(new Response(200, "{\"ids\":[\"a\"]}"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void replays_a_refusal_too() {
        run("k-1", "fp", answering(409, "{\"error\":1}"));

        assertThat(run("k-1", "fp", answering(200, "{}")).get().response().status()).isEqualTo(409);
        assertThat(runs).hasValue(1);
    }

    @Test
    void refuses_the_same_key_for_another_request() {
        run("k-1", "fp", answering(200, "{}"));

        assertThat(run("k-1", "other", answering(200, "{}")).getLeft()).isEqualTo(new IdempotencyFailure.KeyReused());
        assertThat(runs).hasValue(1);
    }

    @Test
    void refuses_a_retry_while_the_first_request_is_still_running() {
        t.idempotencyRecords.claim(new IdempotencyRecord(1, 7, "k-1", "fp", NOW, null, null), NOW.minusSeconds(1));

        assertThat(run("k-1", "fp", answering(200, "{}")).getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
        assertThat(run("k-1", "other", answering(200, "{}")).getLeft()).isEqualTo(new IdempotencyFailure.KeyReused());
        assertThat(runs).hasValue(0);
    }

    @Test
    void a_key_whose_request_died_is_in_flight_until_its_lease_ends_and_then_a_retry_runs_it_once() {
        t.idempotencyRecords.claim(new IdempotencyRecord(1, 7, "k-1", "fp", NOW, null, null), NOW.minusSeconds(1));
        t.clock.advance(Duration.ofSeconds(60));
        assertThat(run("k-1", "fp", answering(200, "{}")).getLeft()).as("at the end of the 60 s lease")
                .isEqualTo(new IdempotencyFailure.InFlight());
        t.clock.advance(Duration.ofMillis(1));

        Outcome retry = run("k-1", "fp", answering(200, "{\"ids\":[\"a\"]}")).get();
        Outcome again = run("k-1", "fp", answering(200, "{\"ids\":[\"b\"]}")).get();

        assertThat(retry.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.response().body()).isEqualTo("{\"ids\":[\"a\"]}");
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_stale_claim_is_not_taken_over_by_another_request_with_the_same_key() {
        t.idempotencyRecords.claim(new IdempotencyRecord(1, 7, "k-1", "other", NOW, null, null), NOW.minusSeconds(1));
        t.clock.advance(Duration.ofMinutes(5));

        assertThat(run("k-1", "fp", answering(200, "{}")).getLeft()).isEqualTo(new IdempotencyFailure.KeyReused());
        assertThat(runs).hasValue(0);
    }

    @Test
    void a_request_that_ran_past_its_lease_stores_nothing_and_answers_in_flight_once_a_retry_took_over() {
        Either<IdempotencyFailure, Outcome>[] retry = new Either[1];
        Either<IdempotencyFailure, Outcome> original = run("k-1", "fp", () -> {
            runs.incrementAndGet();
            t.clock.advance(Duration.ofSeconds(61));
            retry[0] = run("k-1", "fp", answering(200, "{\"by\":\"retry\"}"));
            return new Response(200, "{\"by\":\"original\"}");
        });

        assertThat(retry[0].get().replayed()).isFalse();
        assertThat(original.getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
        Outcome later = run("k-1", "fp", answering(200, "{}")).get();
        assertThat(later.replayed()).isTrue();
        assertThat(later.response().body()).as("the retry's answer stays").isEqualTo("{\"by\":\"retry\"}");
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_failed_request_frees_only_its_own_claim() {
        t.idempotencyRecords.claim(new IdempotencyRecord(1, 7, "k-1", "fp", NOW, null, null), NOW.minusSeconds(1));
        t.clock.advance(Duration.ofSeconds(61));
        IdempotencyRecord dead = new IdempotencyRecord(1, 7, "k-1", "fp", NOW, null, null);

        run("k-1", "fp", () -> {
            t.idempotencyRecords.release(dead); // a late failure of the dead request's own release
            return new Response(201, "{}");
        });

        assertThat(run("k-1", "fp", answering(200, "{}")).get().replayed()).isTrue();
    }

    @Test
    void refuses_a_lease_that_is_not_positive_or_not_shorter_than_the_retention() {
        for (Duration lease : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofHours(24)}) {
            assertThatThrownBy(() -> new BillingTestEngine(NOW, lease)).as(lease.toString())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keeps_keys_apart_per_user_and_tenant() {
        run("k-1", "fp", answering(200, "{}"));

        assertThat(requests.run(1, 8, "k-1", "other", answering(200, "{}")).get().replayed()).isFalse();
        assertThat(requests.run(2, 7, "k-1", "other", answering(200, "{}")).get().replayed()).isFalse();
        assertThat(runs).hasValue(3);
    }

    @Test
    void frees_the_key_when_the_request_fails_so_that_it_can_be_retried() {
        assertThatThrownBy(() -> run("k-1", "fp", () -> {
            throw new IllegalStateException("outage");
        })).hasMessage("outage");
        run("k-1", "fp", answering(500, "{}"));

        Outcome retry = run("k-1", "fp", answering(200, "{\"ok\":true}")).get();

        assertThat(retry.replayed()).isFalse();
        assertThat(retry.response().body()).isEqualTo("{\"ok\":true}");
        assertThat(runs).hasValue(2);
    }

    @Test
    void frees_the_key_after_a_429_since_it_asks_to_retry_later() {
        assertThat(run("k-1", "fp", answering(429, "{}")).get().response().status()).isEqualTo(429);

        assertThat(run("k-1", "fp", answering(200, "{}")).get().replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void forgets_a_key_after_24_hours() {
        run("k-1", "fp", answering(200, "{}"));
        t.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(run("k-1", "other", answering(200, "{}")).isLeft()).isTrue();
        t.clock.advance(Duration.ofSeconds(2));

        assertThat(run("k-1", "other", answering(201, "{}")).get().replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void refuses_keys_that_are_empty_too_long_or_not_printable_ascii() {
        for (String key : new String[] {"", "x".repeat(256), "schlüssel", "tab\tkey"}) {
            assertThat(run(key, "fp", answering(200, "{}")).getLeft()).as(key)
                    .isInstanceOf(IdempotencyFailure.KeyInvalid.class);
        }
        assertThat(run("x".repeat(255), "fp", answering(200, "{}")).isRight()).isTrue();
        assertThat(run("a key with spaces ~!", "fp", answering(200, "{}")).isRight()).isTrue();
        assertThat(runs).hasValue(2);
    }
}
