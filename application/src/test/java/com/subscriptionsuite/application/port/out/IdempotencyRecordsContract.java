package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.IdempotencyRecords.IdempotencyRecord;
import com.subscriptionsuite.domain.identity.User;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyRecords} adapter must do (domain-rules §7). */
public abstract class IdempotencyRecordsContract extends IdentityContract {
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Instant LATER = T0.plus(Duration.ofMinutes(5));

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract IdempotencyStores freshIdempotencyStores();

    private IdempotencyRecords records;
    private User ann;
    private User bob;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        IdempotencyStores stores = freshIdempotencyStores();
        records = stores.records();
        return stores.identity();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    private static IdempotencyRecord claimOf(User user, String key, String fingerprint, Instant at) {
        return new IdempotencyRecord(user.tenantId(), user.id(), key, fingerprint, at, null, null);
    }

    /** Claims at {@code at} with the retention window ending there. */
    private Option<IdempotencyRecord> claim(User user, String key, String fingerprint, Instant at) {
        return records.claim(claimOf(user, key, fingerprint, at), at.minus(RETENTION));
    }

    @Test
    void the_first_claim_of_a_key_wins_and_a_second_finds_it_in_flight() {
        assertThat(claim(ann, "key-1", "fp-1", T0).isEmpty()).as("first claim wins").isTrue();

        Option<IdempotencyRecord> second = claim(ann, "key-1", "fp-2", LATER);

        assertThat(second.toJavaOptional()).contains(claimOf(ann, "key-1", "fp-1", T0));
        assertThat(second.get().completed()).isFalse();
    }

    @Test
    void a_completed_key_replays_its_status_and_body() {
        claim(ann, "key-1", "fp-1", T0);

        assertThat(records.complete(claimOf(ann, "key-1", "fp-1", T0), 201, "{\"subscription_ids\":[\"S1\"]}"))
                .isTrue();

        IdempotencyRecord replay = claim(ann, "key-1", "fp-1", LATER).getOrElseThrow(AssertionError::new);
        assertThat(replay).isEqualTo(new IdempotencyRecord(ALPHA, ann.id(), "key-1", "fp-1", T0, 201,
                "{\"subscription_ids\":[\"S1\"]}"));
        assertThat(replay.completed()).isTrue();
    }

    @Test
    void keys_of_other_users_tenants_or_names_are_independent() {
        claim(ann, "key-1", "fp-ann", T0);

        assertThat(claim(bob, "key-1", "fp-bob", T0).isEmpty()).as("bob's key-1").isTrue();
        assertThat(claim(annInBeta, "key-1", "fp-beta", T0).isEmpty()).as("ann's key-1 in beta").isTrue();
        assertThat(claim(ann, "KEY-1", "fp-upper", T0).isEmpty()).as("keys are case-sensitive").isTrue();
        assertThat(claim(ann, "key-1", "fp-again", LATER).get().fingerprint()).isEqualTo("fp-ann");
        assertThat(claim(bob, "key-1", "fp-again", LATER).get().fingerprint()).isEqualTo("fp-bob");
    }

    @Test
    void a_record_created_before_the_window_is_replaced_by_the_claim() {
        claim(ann, "key-1", "fp-old", T0);
        records.complete(claimOf(ann, "key-1", "fp-old", T0), 201, "old body");
        Instant dayLater = T0.plus(RETENTION).plusSeconds(1);

        assertThat(claim(ann, "key-1", "fp-new", dayLater).isEmpty()).as("the expired record counts as absent")
                .isTrue();

        assertThat(claim(ann, "key-1", "fp-other", dayLater.plusSeconds(1)).toJavaOptional())
                .contains(claimOf(ann, "key-1", "fp-new", dayLater));
    }

    @Test
    void a_record_created_exactly_at_the_start_of_the_window_still_counts() {
        claim(ann, "key-1", "fp-1", T0);

        Option<IdempotencyRecord> atBoundary = records.claim(claimOf(ann, "key-1", "fp-2", LATER), T0);

        assertThat(atBoundary.map(IdempotencyRecord::fingerprint).toJavaOptional()).contains("fp-1");
    }

    @Test
    void a_released_key_can_be_claimed_again() {
        claim(ann, "key-1", "fp-1", T0);

        records.release(claimOf(ann, "key-1", "fp-1", T0));

        assertThat(claim(ann, "key-1", "fp-2", LATER).isEmpty()).isTrue();
        assertThat(claim(ann, "key-1", "fp-3", LATER).get().fingerprint()).isEqualTo("fp-2");
    }

    @Test
    void releasing_a_key_leaves_other_keys_and_releasing_an_unknown_key_does_nothing() {
        claim(ann, "key-1", "fp-1", T0);
        claim(ann, "key-2", "fp-2", T0);

        records.release(claimOf(ann, "key-1", "fp-1", T0));
        records.release(claimOf(ann, "never-claimed", "fp-1", T0));
        records.release(new IdempotencyRecord(BETA, ann.id(), "key-2", "fp-2", T0, null, null));

        assertThat(claim(ann, "key-2", "fp-x", LATER).get().fingerprint()).isEqualTo("fp-2");
    }

    @Test
    void completing_a_key_nobody_claimed_stores_nothing() {
        claim(ann, "key-1", "fp-1", T0);

        assertThat(records.complete(claimOf(ann, "key-2", "fp-1", T0), 201, "{}")).isFalse();
        assertThat(records.complete(claimOf(bob, "key-1", "fp-1", T0), 201, "{}")).isFalse();
        assertThat(records.complete(claimOf(ann, "key-1", "fp-1", T0.plusMillis(1)), 201, "{}"))
                .as("another stamp").isFalse();
        assertThat(claim(ann, "key-1", "fp-1", LATER).get().completed()).isFalse();
    }

    @Test
    void a_completed_key_is_completed_once() {
        claim(ann, "key-1", "fp-1", T0);
        records.complete(claimOf(ann, "key-1", "fp-1", T0), 201, "first");

        assertThat(records.complete(claimOf(ann, "key-1", "fp-1", T0), 200, "second")).isFalse();

        assertThat(claim(ann, "key-1", "fp-1", LATER).get().body()).isEqualTo("first");
    }

    @Test
    void a_claim_taken_over_gets_the_new_stamp_and_its_old_holder_can_neither_complete_nor_release_it() {
        claim(ann, "key-1", "fp-1", T0);
        IdempotencyRecord stale = claim(ann, "key-1", "fp-1", LATER).get();

        assertThat(records.takeOver(stale, LATER)).isTrue();

        IdempotencyRecord taken = claimOf(ann, "key-1", "fp-1", LATER);
        assertThat(claim(ann, "key-1", "fp-1", LATER.plusSeconds(1)).toJavaOptional()).contains(taken);
        assertThat(records.complete(stale, 201, "the original's")).as("the old holder completes").isFalse();
        records.release(stale);
        assertThat(claim(ann, "key-1", "fp-1", LATER.plusSeconds(1)).toJavaOptional()).as("after the old release")
                .contains(taken);
        assertThat(records.complete(taken, 201, "the retry's")).isTrue();
        assertThat(claim(ann, "key-1", "fp-1", LATER.plusSeconds(2)).get().body()).isEqualTo("the retry's");
    }

    @Test
    void a_claim_is_taken_over_only_while_it_is_the_same_claim_in_flight() {
        claim(ann, "done", "fp-1", T0);
        IdempotencyRecord done = claim(ann, "done", "fp-1", LATER).get();
        records.complete(done, 201, "{}");
        claim(ann, "released", "fp-1", T0);
        IdempotencyRecord released = claim(ann, "released", "fp-1", LATER).get();
        records.release(released);
        claim(ann, "moved", "fp-1", T0);
        IdempotencyRecord moved = claim(ann, "moved", "fp-1", LATER).get();
        records.takeOver(moved, LATER);

        assertThat(records.takeOver(done, LATER)).as("completed").isFalse();
        assertThat(records.takeOver(released, LATER)).as("released").isFalse();
        assertThat(records.takeOver(moved, LATER.plusSeconds(1))).as("taken over already").isFalse();
        assertThat(claim(ann, "done", "fp-1", LATER).get().completed()).isTrue();
        assertThat(claim(ann, "moved", "fp-1", LATER.plusSeconds(2)).get().createdAt()).isEqualTo(LATER);
    }

    @Test
    void of_eight_threads_taking_over_one_stale_claim_at_once_exactly_one_wins() throws Exception {
        claim(ann, "race", "fp-1", T0);
        IdempotencyRecord stale = claim(ann, "race", "fp-1", LATER).get();
        List<Callable<Boolean>> takeovers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant at = LATER.plusMillis(i);
            takeovers.add(() -> records.takeOver(stale, at));
        }

        List<Boolean> outcomes = atOnce(takeovers);

        assertThat(outcomes.stream().filter(won -> won)).as("winners").hasSize(1);
        Instant winner = LATER.plusMillis(outcomes.indexOf(true));
        assertThat(claim(ann, "race", "fp-1", LATER.plusSeconds(1)).get().createdAt()).isEqualTo(winner);
    }

    @Test
    void of_eight_threads_claiming_one_key_at_once_exactly_one_wins() throws Exception {
        List<Callable<Option<IdempotencyRecord>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String fingerprint = "fp-" + i;
            claims.add(() -> claim(ann, "race", fingerprint, T0));
        }

        List<Option<IdempotencyRecord>> outcomes = atOnce(claims);

        assertThat(outcomes.stream().filter(Option::isEmpty)).as("winners").hasSize(1);
        String winner = "fp-" + outcomes.indexOf(Option.none());
        assertThat(outcomes.stream().filter(Option::isDefined).map(o -> o.get().fingerprint()))
                .as("every loser sees the winner's claim").hasSize(7).allMatch(winner::equals);
    }

    @Test
    void of_eight_threads_replacing_one_expired_record_at_once_exactly_one_wins() throws Exception {
        claim(ann, "race", "fp-old", T0);
        Instant dayLater = T0.plus(RETENTION).plusSeconds(1);
        List<Callable<Option<IdempotencyRecord>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String fingerprint = "fp-" + i;
            claims.add(() -> claim(ann, "race", fingerprint, dayLater));
        }

        List<Option<IdempotencyRecord>> outcomes = atOnce(claims);

        assertThat(outcomes.stream().filter(Option::isEmpty)).as("winners").hasSize(1);
        String winner = "fp-" + outcomes.indexOf(Option.none());
        assertThat(outcomes.stream().filter(Option::isDefined).map(o -> o.get().fingerprint()))
                .hasSize(7).allMatch(winner::equals);
    }
}
