package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.identity.LoginThrottle.Failures;
import org.junit.jupiter.api.Test;

/** What every {@link LoginAttempts} adapter must do. */
public abstract class LoginAttemptsContract extends IdentityContract {
    private static final String ANN = "account:ann@example.com";
    private static final String CLIENT = "client:192.0.2.7";

    private LoginAttempts attempts() {
        return stores.loginAttempts();
    }

    @Test
    void a_key_without_failures_has_none() {
        assertThat(attempts().failuresSince(ALPHA, ANN, T0)).isEqualTo(Failures.none());
    }

    @Test
    void counts_the_failures_at_or_after_since_and_reports_the_latest() {
        attempts().recordFailure(ALPHA, ANN, T0);
        attempts().recordFailure(ALPHA, ANN, T0.plusSeconds(10));
        attempts().recordFailure(ALPHA, ANN, T0.plusSeconds(20));
        attempts().recordFailure(ALPHA, ANN, T0.plusSeconds(5));

        assertThat(attempts().failuresSince(ALPHA, ANN, T0)).isEqualTo(new Failures(4, T0.plusSeconds(20)));
        assertThat(attempts().failuresSince(ALPHA, ANN, T0.plusSeconds(5)))
                .as("a failure at since counts").isEqualTo(new Failures(3, T0.plusSeconds(20)));
        assertThat(attempts().failuresSince(ALPHA, ANN, T0.plusSeconds(6)))
                .isEqualTo(new Failures(2, T0.plusSeconds(20)));
        assertThat(attempts().failuresSince(ALPHA, ANN, T0.plusSeconds(21))).isEqualTo(Failures.none());
    }

    @Test
    void counts_failures_in_the_same_instant_each() {
        attempts().recordFailure(ALPHA, ANN, T0);
        attempts().recordFailure(ALPHA, ANN, T0);

        assertThat(attempts().failuresSince(ALPHA, ANN, T0)).isEqualTo(new Failures(2, T0));
    }

    @Test
    void keeps_the_failures_of_keys_and_tenants_apart() {
        attempts().recordFailure(ALPHA, ANN, T0);
        attempts().recordFailure(ALPHA, ANN, T0.plusSeconds(1));
        attempts().recordFailure(ALPHA, CLIENT, T0.plusSeconds(2));
        attempts().recordFailure(BETA, ANN, T0.plusSeconds(3));

        assertThat(attempts().failuresSince(ALPHA, ANN, T0)).isEqualTo(new Failures(2, T0.plusSeconds(1)));
        assertThat(attempts().failuresSince(ALPHA, CLIENT, T0)).isEqualTo(new Failures(1, T0.plusSeconds(2)));
        assertThat(attempts().failuresSince(BETA, ANN, T0)).isEqualTo(new Failures(1, T0.plusSeconds(3)));
        assertThat(attempts().failuresSince(BETA, CLIENT, T0)).isEqualTo(Failures.none());
    }

    @Test
    void clear_forgets_the_failures_of_that_key_in_that_tenant_only() {
        attempts().recordFailure(ALPHA, ANN, T0);
        attempts().recordFailure(ALPHA, ANN, T0.plusSeconds(1));
        attempts().recordFailure(ALPHA, CLIENT, T0.plusSeconds(2));
        attempts().recordFailure(BETA, ANN, T0.plusSeconds(3));

        attempts().clear(ALPHA, ANN);

        assertThat(attempts().failuresSince(ALPHA, ANN, T0)).isEqualTo(Failures.none());
        assertThat(attempts().failuresSince(ALPHA, CLIENT, T0)).isEqualTo(new Failures(1, T0.plusSeconds(2)));
        assertThat(attempts().failuresSince(BETA, ANN, T0)).isEqualTo(new Failures(1, T0.plusSeconds(3)));
    }

    @Test
    void counts_again_from_zero_after_clear() {
        attempts().recordFailure(ALPHA, ANN, T0);
        attempts().clear(ALPHA, ANN);

        attempts().recordFailure(ALPHA, ANN, T0.plusSeconds(30));

        assertThat(attempts().failuresSince(ALPHA, ANN, T0)).isEqualTo(new Failures(1, T0.plusSeconds(30)));
    }
}
