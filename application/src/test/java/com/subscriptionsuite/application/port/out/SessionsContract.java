package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.domain.identity.Session;
import com.subscriptionsuite.domain.identity.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link Sessions} adapter must do. */
public abstract class SessionsContract extends IdentityContract {
    private static final Instant LATER = T0.plusSeconds(3600);

    private User ann;
    private User bob;
    private User annInBeta;

    private Sessions sessions() {
        return stores.sessions();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    private Session started(String tokenHash, User user) {
        Session session = Session.start(tokenHash, user, T0);
        sessions().add(session);
        return session;
    }

    private Session stored(String tokenHash) {
        return sessions().byTokenHash(tokenHash).getOrElseThrow(() -> new AssertionError("no session " + tokenHash));
    }

    @Test
    void finds_an_added_session_by_its_token_hash_with_every_field() {
        Session session = started("a1", ann);

        assertThat(stored("a1")).isEqualTo(session);
    }

    @Test
    void keeps_a_guest_session_with_its_kind_and_lifetime() {
        Session session = started("g1", guest(ALPHA));

        assertThat(stored("g1")).isEqualTo(session);
        assertThat(stored("g1").expiresAt()).isEqualTo(T0.plus(Session.GUEST_LIFETIME));
    }

    @Test
    void keeps_a_session_added_as_revoked_revoked() {
        Session revoked = new Session("r1", ALPHA, ann.id(), ann.kind(), T0, T0.plusSeconds(60), T0.plusSeconds(30));
        sessions().add(revoked);

        assertThat(stored("r1")).isEqualTo(revoked);
        assertThat(sessions().revoke("r1", LATER)).isFalse();
    }

    @Test
    void finds_no_session_for_an_unknown_token_hash() {
        started("a1", ann);

        assertThat(sessions().byTokenHash("unknown").isEmpty()).isTrue();
    }

    @Test
    void refuses_a_token_hash_in_use_and_keeps_the_first_session() {
        Session first = started("a1", ann);

        assertThatThrownBy(() -> sessions().add(Session.start("a1", bob, LATER)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(stored("a1")).isEqualTo(first);
    }

    @Test
    void revokes_an_active_session_once() {
        started("a1", ann);

        assertThat(sessions().revoke("a1", LATER)).isTrue();
        assertThat(stored("a1").revokedAt()).isEqualTo(LATER);
        assertThat(stored("a1").activeAt(LATER)).isFalse();

        assertThat(sessions().revoke("a1", LATER.plusSeconds(5))).isFalse();
        assertThat(stored("a1").revokedAt()).as("the first revocation stands").isEqualTo(LATER);
    }

    @Test
    void revoking_an_unknown_token_hash_revokes_nothing() {
        started("a1", ann);

        assertThat(sessions().revoke("unknown", LATER)).isFalse();
        assertThat(stored("a1").revokedAt()).isNull();
    }

    @Test
    void revokes_every_active_session_of_one_user_and_touches_no_other() {
        started("a1", ann);
        started("a2", ann);
        started("a3", ann);
        sessions().revoke("a3", T0.plusSeconds(10));
        Session bobs = started("b1", bob);
        Session annsInBeta = started("x1", annInBeta);

        int revoked = sessions().revokeAllOf(ALPHA, ann.id(), LATER);

        assertThat(revoked).isEqualTo(2);
        assertThat(stored("a1").revokedAt()).isEqualTo(LATER);
        assertThat(stored("a2").revokedAt()).isEqualTo(LATER);
        assertThat(stored("a3").revokedAt()).as("revoked before").isEqualTo(T0.plusSeconds(10));
        assertThat(stored("b1")).isEqualTo(bobs);
        assertThat(stored("x1")).isEqualTo(annsInBeta);
        assertThat(sessions().revokeAllOf(ALPHA, ann.id(), LATER.plusSeconds(1))).isZero();
    }

    @Test
    void revokes_nothing_for_a_user_id_given_with_another_tenant() {
        Session anns = started("a1", ann);

        assertThat(sessions().revokeAllOf(BETA, ann.id(), LATER)).isZero();
        assertThat(stored("a1")).isEqualTo(anns);
    }

    @Test
    @Timeout(60)
    void of_logouts_racing_for_one_session_exactly_one_revokes_it() throws Exception {
        started("a1", ann);
        List<Callable<Boolean>> logouts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant at = LATER.plusSeconds(i);
            logouts.add(() -> sessions().revoke("a1", at));
        }

        List<Boolean> results = atOnce(logouts);

        assertThat(results).containsOnlyOnce(true);
        assertThat(stored("a1").revokedAt()).isEqualTo(LATER.plusSeconds(results.indexOf(true)));
    }
}
