package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.identity.PasswordReset;
import com.subscriptionsuite.domain.identity.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link PasswordResets} adapter must do. */
public abstract class PasswordResetsContract extends IdentityContract {
    private static final Instant LATER = T0.plusSeconds(600);

    private User ann;

    private PasswordResets resets() {
        return stores.passwordResets();
    }

    @BeforeEach
    void aUser() {
        ann = customer(ALPHA, "ann@example.com");
    }

    private PasswordReset issued(String keyHash) {
        PasswordReset reset = PasswordReset.issue(keyHash, ann, T0);
        resets().add(reset);
        return reset;
    }

    private PasswordReset stored(String keyHash) {
        return resets().byKeyHash(keyHash).getOrElseThrow(() -> new AssertionError("no reset " + keyHash));
    }

    @Test
    void finds_an_added_reset_by_its_key_hash_with_every_field() {
        PasswordReset reset = issued("k1");

        assertThat(stored("k1")).isEqualTo(reset);
        assertThat(stored("k1").usableAt(LATER)).isTrue();
    }

    @Test
    void finds_no_reset_for_an_unknown_key_hash() {
        issued("k1");

        assertThat(resets().byKeyHash("unknown").isEmpty()).isTrue();
    }

    @Test
    void a_key_is_used_once_and_stays_used() {
        issued("k1");

        assertThat(resets().use("k1", LATER)).isTrue();
        assertThat(stored("k1").usedAt()).isEqualTo(LATER);
        assertThat(stored("k1").usableAt(LATER)).isFalse();

        assertThat(resets().use("k1", LATER.plusSeconds(1))).isFalse();
        assertThat(stored("k1").usedAt()).as("the first use stands").isEqualTo(LATER);
    }

    @Test
    void using_an_unknown_key_uses_nothing() {
        issued("k1");

        assertThat(resets().use("unknown", LATER)).isFalse();
        assertThat(stored("k1").usedAt()).isNull();
    }

    @Test
    void using_one_key_leaves_the_users_other_keys_unused() {
        issued("k1");
        PasswordReset second = issued("k2");

        resets().use("k1", LATER);

        assertThat(stored("k2")).isEqualTo(second);
    }

    @Test
    @Timeout(60)
    void of_ten_callers_racing_to_use_one_key_exactly_one_succeeds() throws Exception {
        for (int round = 0; round < 3; round++) {
            String keyHash = "race" + round;
            issued(keyHash);
            List<Callable<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Instant at = LATER.plusSeconds(i);
                uses.add(() -> resets().use(keyHash, at));
            }

            List<Boolean> results = atOnce(uses);

            assertThat(results).as("round %d", round).containsOnlyOnce(true);
            assertThat(stored(keyHash).usedAt()).isEqualTo(LATER.plusSeconds(results.indexOf(true)));
        }
    }
}
