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
