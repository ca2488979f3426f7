package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.BillingOperations.PendingOperation;
import com.subscriptionsuite.domain.identity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link BillingOperations} adapter must do: a begun operation is recorded at once and
 * outside any unit, a repeat counts an attempt (concurrent repeats too), a finish commits with its
 * unit or not at all, and the unfinished ones are found by age over all tenants, oldest first.
 */
public abstract class BillingOperationsContract extends IdentityContract {
    private static final Instant T1 = T0.plus(Duration.ofMinutes(1));
    private static final Instant T2 = T0.plus(Duration.ofMinutes(2));
    private static final Instant T3 = T0.plus(Duration.ofMinutes(3));

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract BillingOperationsStores freshOperationStores();

    private BillingOperations operations;
    private Transactions transactions;
    private User ann;
    private User bob;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        BillingOperationsStores stores = freshOperationStores();
        operations = stores.operations();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    private static PendingOperation started(User user, String key, String kind, Instant at) {
        return new PendingOperation(user.tenantId(), user.id(), key, kind, at, 1, false);
    }

    private void finishInUnit(long tenantId, String key) {
        transactions.inTransaction(() -> {
            operations.finish(tenantId, key);
            return null;
        });
    }

    @Test
    void a_begun_operation_is_recorded_unfinished_with_one_attempt() {
        operations.begin(started(ann, "checkout:1", "checkout", T0));

        assertThat(operations.operation(ALPHA, "checkout:1"))
                .containsExactly(new PendingOperation(ALPHA, ann.id(), "checkout:1", "checkout", T0, 1, false));
    }

    @Test
    void an_operation_never_begun_is_not_found() {
        assertThat(operations.operation(ALPHA, "checkout:1")).isEmpty();
    }

    @Test
    void beginning_an_operation_again_counts_the_attempt_and_keeps_what_the_first_start_recorded() {
        operations.begin(started(ann, "checkout:1", "checkout", T0));
        operations.begin(new PendingOperation(ALPHA, ann.id(), "checkout:1", "checkout", T1, 7, true));

        assertThat(operations.operation(ALPHA, "checkout:1"))
                .containsExactly(new PendingOperation(ALPHA, ann.id(), "checkout:1", "checkout", T0, 2, false));
    }

    @Test
    @Timeout(60)
    void every_one_of_concurrent_begins_of_one_operation_is_counted() throws Exception {
        List<Callable<Boolean>> begins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            begins.add(() -> {
                operations.begin(started(ann, "checkout:1", "checkout", T0));
                return true;
            });
        }

        atOnce(begins);

        assertThat(operations.operation(ALPHA, "checkout:1").map(PendingOperation::attempts)).containsExactly(4);
    }

    @Test
    void an_operation_is_not_begun_inside_a_unit_of_work() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            operations.begin(started(ann, "checkout:1", "checkout", T0));
            return null;
        })).isInstanceOf(IllegalStateException.class);

        assertThat(operations.operation(ALPHA, "checkout:1")).isEmpty();
    }

    @Test
    void a_finish_in_a_unit_of_work_commits_with_the_unit() {
        operations.begin(started(ann, "checkout:1", "checkout", T0));

        finishInUnit(ALPHA, "checkout:1");

        assertThat(operations.operation(ALPHA, "checkout:1").map(PendingOperation::finished)).containsExactly(true);
        assertThat(operations.unfinished(T3)).isEmpty();
    }

    @Test
    void a_finish_in_a_unit_of_work_that_rolls_back_leaves_the_operation_unfinished() {
        operations.begin(started(ann, "checkout:1", "checkout", T0));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            operations.finish(ALPHA, "checkout:1");
            assertThat(operations.operation(ALPHA, "checkout:1").map(PendingOperation::finished))
                    .as("inside the unit").containsExactly(true);
            throw new IllegalStateException("the unit fails");
        })).hasMessage("the unit fails");

        assertThat(operations.operation(ALPHA, "checkout:1").map(PendingOperation::finished)).containsExactly(false);
        assertThat(operations.unfinished(T3)).extracting(PendingOperation::key).containsExactly("checkout:1");
    }

    @Test
    void finishing_a_finished_operation_changes_nothing_and_one_never_begun_is_refused() {
        operations.begin(started(ann, "checkout:1", "checkout", T0));
        finishInUnit(ALPHA, "checkout:1");

        finishInUnit(ALPHA, "checkout:1");

        assertThat(operations.operation(ALPHA, "checkout:1"))
                .containsExactly(new PendingOperation(ALPHA, ann.id(), "checkout:1", "checkout", T0, 1, true));
        assertThatThrownBy(() -> finishInUnit(ALPHA, "checkout:2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> finishInUnit(BETA, "checkout:1")).as("another tenant's key")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_unfinished_operations_started_before_a_time_of_every_tenant_come_oldest_first() {
        operations.begin(started(bob, "change:3", "change", T2));
        operations.begin(started(ann, "checkout:1", "checkout", T0));
        operations.begin(started(annInBeta, "checkout:2", "checkout", T1));
        operations.begin(started(ann, "checkout:4", "checkout", T1.minusSeconds(30)));
        operations.begin(started(bob, "checkout:5", "checkout", T3));
        finishInUnit(ALPHA, "checkout:4");

        assertThat(operations.unfinished(T3)).extracting(PendingOperation::key)
                .containsExactly("checkout:1", "checkout:2", "change:3");
        assertThat(operations.unfinished(T2)).as("strictly before").extracting(PendingOperation::key)
                .containsExactly("checkout:1", "checkout:2");
        assertThat(operations.unfinished(T0)).isEmpty();
        assertThat(operations.unfinished(T3).get(1))
                .isEqualTo(new PendingOperation(BETA, annInBeta.id(), "checkout:2", "checkout", T1, 1, false));
    }

    @Test
    void one_key_in_two_tenants_is_two_operations() {
        operations.begin(started(ann, "checkout:1", "checkout", T0));
        operations.begin(started(annInBeta, "checkout:1", "checkout", T1));
        finishInUnit(BETA, "checkout:1");

        assertThat(operations.operation(ALPHA, "checkout:1"))
                .containsExactly(new PendingOperation(ALPHA, ann.id(), "checkout:1", "checkout", T0, 1, false));
        assertThat(operations.operation(BETA, "checkout:1"))
                .containsExactly(new PendingOperation(BETA, annInBeta.id(), "checkout:1", "checkout", T1, 1, true));
    }
}
