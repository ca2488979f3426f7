package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.InMemoryIdempotencyRecords;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Completion;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Outcome;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Response;
import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.service.idempotency.IdempotencyUseCases;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link IdempotentRequests#runOperation}: the work runs outside any unit of work and keeps its
 * response through the {@link Completion} inside its own unit. The in-memory units cannot roll back;
 * what a rolled-back unit leaves is checked on the databases ({@code IdempotentOperationsIT} in
 * adapters-persistence).
 */
class IdempotentOperationsTest {
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");

    /** {@link InMemoryTransactions}, telling whether a unit runs on this thread and how many ran. */
    static final class WatchedTransactions implements Transactions {
        private final InMemoryTransactions units = new InMemoryTransactions();
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        final AtomicInteger started = new AtomicInteger();

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (depth.get() == 0) {
                started.incrementAndGet();
            }
            depth.set(depth.get() + 1);
            try {
                return units.inTransaction(work);
            } finally {
                depth.set(depth.get() - 1);
            }
        }

        boolean running() {
            return depth.get() > 0;
        }
    }

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryIdempotencyRecords records = new InMemoryIdempotencyRecords();
    final WatchedTransactions transactions = new WatchedTransactions();
    final IdempotentRequests requests = IdempotencyUseCases.create(records, transactions, clock,
            IdempotencyUseCases.DEFAULT_LEASE);
    final AtomicInteger runs = new AtomicInteger();

    Either<IdempotencyFailure, Outcome> run(String key, String fingerprint, Function<Completion, Response> work) {
        return requests.runOperation(1, 7, key, fingerprint, work);
    }

    /** Work that keeps its response in a unit of its own, as a use case's last unit does. */
    Function<Completion, Response> keeping(int status, String body) {
        return completion -> {
            runs.incrementAndGet();
            assertThat(transactions.running()).as("the work starts outside any unit").isFalse();
            transactions.inTransaction(() -> {
                completion.complete(status, body);
                return null;
            });
            return new Response(status, body);
        };
    }

    /** Work that answers without keeping (a refusal before any unit, or a 5xx). */
    Function<Completion, Response> answering(int status, String body) {
        return completion -> {
            runs.incrementAndGet();
            return new Response(status, body);
        };
    }

    /** What a retry with the same key and fingerprint gets, without running anything. */
    Either<IdempotencyFailure, Outcome> retry(String key) {
        return run(key, "fp", completion -> {
            throw new AssertionError("a retry of a kept response must not run");
        });
    }

    @Test
    void runs_the_work_outside_any_unit_and_replays_the_response_it_kept_in_its_own_unit() {
        Outcome first = run("k-1", "fp", keeping(200, "{\"ids\":[\"a\"]}")).get();

        assertThat(first).isEqualTo(new Outcome(new Response(200, "{\"ids\":[\"a\"]}"), false));
        assertThat(transactions.started).as("only the work's own unit").hasValue(1);
        assertThat(retry("k-1").get()).isEqualTo(new Outcome(new Response(200, "{\"ids\":[\"a\"]}"), true));
        assertThat(runs).hasValue(1);
    }

    @Test
    void tells_the_work_its_key() {
        String[] seen = new String[1];
        run("k-1", "fp", completion -> {
            seen[0] = completion.key();
            return new Response(200, "{}");
        });

        assertThat(seen[0]).isEqualTo("k-1");
    }

    @Test
    void stores_a_response_below_500_the_work_did_not_keep_in_a_unit_of_its_own() {
        Outcome refused = run("k-1", "fp", answering(409, "{\"error\":1}")).get();

        assertThat(refused.replayed()).isFalse();
        assertThat(transactions.started).hasValue(1);
        assertThat(retry("k-1").get().response()).isEqualTo(new Response(409, "{\"error\":1}"));
    }

    @Test
    void frees_the_key_after_a_5xx_the_work_did_not_keep() {
        assertThat(run("k-1", "fp", answering(503, "{\"error\":2}")).get().response().status()).isEqualTo(503);

        Outcome again = run("k-1", "fp", keeping(200, "{\"ok\":true}")).get();

        assertThat(again.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void frees_the_key_after_a_429_so_that_a_retry_with_the_same_key_runs_again_later() {
        Outcome limited = run("k-1", "fp", answering(429, "{\"error\":3}")).get();

        assertThat(limited.response().status()).isEqualTo(429);
        assertThat(run("k-1", "fp", keeping(200, "{\"ok\":true}")).get().replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void frees_the_key_and_rethrows_when_the_work_fails_before_keeping_its_response() {
        assertThatThrownBy(() -> run("k-1", "fp", completion -> {
            throw new IllegalStateException("outage");
        })).hasMessage("outage");

        assertThat(run("k-1", "fp", keeping(200, "{}")).get().replayed()).isFalse();
    }

    @Test
    void keeps_the_response_committed_with_the_work_s_unit_when_the_work_throws_after_it() {
        assertThatThrownBy(() -> run("k-1", "fp", completion -> {
            keeping(200, "{\"ids\":[\"a\"]}").apply(completion);
            throw new IllegalStateException("failed after the commit");
        })).hasMessage("failed after the commit");

        assertThat(retry("k-1").get()).isEqualTo(new Outcome(new Response(200, "{\"ids\":[\"a\"]}"), true));
    }

    @Test
    void a_completion_after_a_retry_took_the_key_over_throws_and_the_request_answers_in_flight() {
        Either<IdempotencyFailure, Outcome>[] retry = newOutcomes();
        Either<IdempotencyFailure, Outcome> original = run("k-1", "fp", completion -> {
            clock.advance(Duration.ofSeconds(61));
            retry[0] = run("k-1", "fp", keeping(200, "{\"by\":\"retry\"}"));
            return keeping(200, "{\"by\":\"original\"}").apply(completion);
        });

        assertThat(retry[0].get().replayed()).isFalse();
        assertThat(original.getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
        assertThat(retry("k-1").get().response().body()).as("the retry's answer stays")
                .isEqualTo("{\"by\":\"retry\"}");
    }

    @Test
    void answers_in_flight_when_the_refused_completion_surfaces_wrapped() {
        Either<IdempotencyFailure, Outcome> original = run("k-1", "fp", completion -> {
            clock.advance(Duration.ofSeconds(61));
            run("k-1", "fp", keeping(200, "{\"by\":\"retry\"}"));
            try {
                return keeping(200, "{\"by\":\"original\"}").apply(completion);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the use case wraps what its unit threw", e);
            }
        });

        assertThat(original.getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
    }

    @Test
    void answers_in_flight_when_the_work_swallowed_the_refused_completion() {
        Either<IdempotencyFailure, Outcome> original = run("k-1", "fp", completion -> {
            clock.advance(Duration.ofSeconds(61));
            run("k-1", "fp", keeping(200, "{\"by\":\"retry\"}"));
            try {
                completion.complete(200, "{\"by\":\"original\"}");
            } catch (RuntimeException swallowed) {
                // a careless use case
            }
            return new Response(200, "{\"by\":\"original\"}");
        });

        assertThat(original.getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
        assertThat(retry("k-1").get().response().body()).isEqualTo("{\"by\":\"retry\"}");
    }

    @Test
    void answers_in_flight_when_a_response_it_stores_for_the_work_finds_the_key_taken_over() {
        Either<IdempotencyFailure, Outcome> original = run("k-1", "fp", completion -> {
            clock.advance(Duration.ofSeconds(61));
            run("k-1", "fp", answering(409, "{\"by\":\"retry\"}"));
            return new Response(409, "{\"by\":\"original\"}");
        });

        assertThat(original.getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
        assertThat(retry("k-1").get().response().body()).isEqualTo("{\"by\":\"retry\"}");
    }

    @Test
    void refuses_a_reused_key_an_invalid_key_and_a_retry_while_the_first_runs_as_run_does() {
        run("k-1", "fp", keeping(200, "{}"));
        records.claim(new IdempotencyRecord(1, 7, "k-2", "fp", NOW, null, null), NOW.minusSeconds(1));

        assertThat(run("k-1", "other", answering(200, "{}")).getLeft()).isEqualTo(new IdempotencyFailure.KeyReused());
        assertThat(run("", "fp", answering(200, "{}")).getLeft()).isInstanceOf(IdempotencyFailure.KeyInvalid.class);
        assertThat(run("k-2", "fp", answering(200, "{}")).getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
        assertThat(runs).hasValue(1);
    }

    @Test
    void takes_over_a_key_whose_request_died_once_its_lease_ended() {
        records.claim(new IdempotencyRecord(1, 7, "k-1", "fp", NOW, null, null), NOW.minusSeconds(1));
        clock.advance(Duration.ofSeconds(61));

        assertThat(run("k-1", "fp", keeping(201, "{\"n\":1}")).get().replayed()).isFalse();
        assertThat(retry("k-1").get().response()).isEqualTo(new Response(201, "{\"n\":1}"));
    }

    @Test
    void a_completion_keeps_one_response_below_500_and_no_429() {
        assertThatThrownBy(() -> run("k-1", "fp", completion -> {
            completion.complete(200, "{}");
            completion.complete(200, "{}");
            return new Response(200, "{}");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(retry("k-1").get().response()).as("the first stays kept").isEqualTo(new Response(200, "{}"));

        assertThatThrownBy(() -> run("k-2", "fp", completion -> {
            completion.complete(503, "{}");
            return new Response(503, "{}");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(run("k-2", "fp", answering(200, "{}")).get().replayed()).as("freed").isFalse();
        assertThatThrownBy(() -> run("k-3", "fp", completion -> {
            completion.complete(429, "{}");
            return new Response(429, "{}");
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static Either<IdempotencyFailure, Outcome>[] newOutcomes() {
        return new Either[1];
    }
}
