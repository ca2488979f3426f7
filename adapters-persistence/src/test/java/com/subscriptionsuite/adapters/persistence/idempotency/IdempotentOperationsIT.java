package com.subscriptionsuite.adapters.persistence.idempotency;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Outcome;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests.Response;
import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
import com.subscriptionsuite.application.service.idempotency.IdempotencyUseCases;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link IdempotentRequests#runOperation} on the databases, where a unit of work rolls back: the
 * response an operation keeps commits with its unit, or not at all.
 */
class IdempotentOperationsIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final long TENANT = 1;
    private static final long USER = 42;

    @TempDir
    Path dataDir;

    private record Setup(Database database, JdbiTransactions transactions, IdempotentRequests requests,
            MutableClock clock) {
    }

    private static Setup on(Database database) {
        new JdbiTenants(database.jdbi()).store(full(TENANT, "acme"));
        JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
        MutableClock clock = new MutableClock(T0);
        return new Setup(database, transactions, IdempotencyUseCases.create(new JdbiIdempotencyRecords(
                database.jdbi()), transactions, clock, IdempotencyUseCases.DEFAULT_LEASE), clock);
    }

    private static Either<IdempotencyFailure, Outcome> retry(Setup s) {
        return s.requests().runOperation(TENANT, USER, "key", "fp", completion -> new Response(201, "{\"by\":\"retry\"}"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_response_kept_in_a_unit_that_rolls_back_is_not_stored(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            Setup s = on(database);

            assertThatThrownBy(() -> s.requests().runOperation(TENANT, USER, "key", "fp", completion ->
                    s.transactions().inTransaction(() -> {
                        completion.complete(200, "{\"by\":\"original\"}");
                        throw new IllegalStateException("the unit failed after keeping its answer");
                    }))).hasMessage("the unit failed after keeping its answer");

            assertThat(retry(s).getLeft()).as("nothing stored; the claim stays until its lease ends")
                    .isEqualTo(new IdempotencyFailure.InFlight());
            s.clock().advance(Duration.ofSeconds(61));
            Outcome taken = retry(s).get();
            assertThat(taken).isEqualTo(new Outcome(new Response(201, "{\"by\":\"retry\"}"), false));
            assertThat(database.connectionsHeld()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_response_kept_in_a_unit_that_committed_stays_when_the_work_fails_afterwards(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            Setup s = on(database);

            assertThatThrownBy(() -> s.requests().runOperation(TENANT, USER, "key", "fp", completion -> {
                s.transactions().inTransaction(() -> {
                    completion.complete(200, "{\"by\":\"original\"}");
                    return null;
                });
                throw new IllegalStateException("failed after the commit");
            })).hasMessage("failed after the commit");

            assertThat(retry(s).get()).isEqualTo(new Outcome(new Response(200, "{\"by\":\"original\"}"), true));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_unit_whose_key_was_taken_over_rolls_back_whole_and_answers_in_flight(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            Setup s = on(database);
            JdbiIdempotencyRecords records = new JdbiIdempotencyRecords(database.jdbi());
            IdempotencyRecord witness = new IdempotencyRecord(TENANT, USER, "witness", "fp-w", T0, null, null);
            records.claim(witness, T0.minusSeconds(1));

            Either<IdempotencyFailure, Outcome> original = s.requests().runOperation(TENANT, USER, "key", "fp",
                    completion -> {
                        s.clock().advance(Duration.ofSeconds(61));
                        assertThat(retry(s).get().replayed()).isFalse();
                        return s.transactions().inTransaction(() -> {
                            records.complete(witness, 200, "{}"); // another write of the same unit
                            completion.complete(200, "{\"by\":\"original\"}");
                            return new Response(200, "{\"by\":\"original\"}");
                        });
                    });

            assertThat(original.getLeft()).isEqualTo(new IdempotencyFailure.InFlight());
            assertThat(retry(s).get()).isEqualTo(new Outcome(new Response(201, "{\"by\":\"retry\"}"), true));
            assertThat(records.claim(witness, T0.minusSeconds(1)).get().completed())
                    .as("the original's unit rolled back whole").isFalse();
        }
    }
}
