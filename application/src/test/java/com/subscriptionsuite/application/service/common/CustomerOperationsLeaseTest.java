package com.subscriptionsuite.application.service.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryAccountLinks;
import com.subscriptionsuite.application.fixtures.InMemoryBillingOperations;
import com.subscriptionsuite.application.fixtures.InMemoryCustomerLocks;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import io.vavr.control.Option;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The customer's lease ends with the operation's last unit ({@link CustomerOperations#commit}) when
 * that unit commits, and otherwise when {@link CustomerOperations#run} returns or throws.
 */
class CustomerOperationsLeaseTest {
    private static final long TENANT = 1;
    private static final long USER = 7;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final List<String> released = new ArrayList<>();
    private final InMemoryCustomerLocks memory = new InMemoryCustomerLocks(transactions, clock);
    private final CustomerLocks locks = new CustomerLocks() {
        @Override
        public Option<Lease> acquire(long tenantId, long userId, String holder, Duration leaseFor,
                Duration maxWait) {
            return memory.acquire(tenantId, userId, holder, leaseFor, maxWait);
        }

        @Override
        public void release(Lease lease) {
            released.add("on its own");
            memory.release(lease);
        }

        @Override
        public void releaseWithUnit(Lease lease) {
            released.add("with the unit");
            memory.releaseWithUnit(lease);
        }
    };
    private final InMemoryBillingOperations operations = new InMemoryBillingOperations(transactions);
    private final CustomerOperations ops = new CustomerOperations(locks, new InMemoryAccountLinks(transactions),
            operations, untouchedGateway(), transactions, new CountingSecrets(), clock);

    private static BillingGateway untouchedGateway() {
        return (BillingGateway) Proxy.newProxyInstance(BillingGateway.class.getClassLoader(),
                new Class<?>[] {BillingGateway.class}, (proxy, method, args) -> {
                    throw new AssertionError("the billing gateway is not called here: " + method.getName());
                });
    }

    private boolean customerFree() {
        Option<CustomerLocks.Lease> probe = memory.acquire(TENANT, USER, "probe", Duration.ofMinutes(1),
                Duration.ZERO);
        probe.forEach(memory::release);
        return probe.isDefined();
    }

    @Test
    void the_last_unit_releases_the_lease_as_it_commits_and_run_does_not_release_it_again() {
        String answer = ops.run(TENANT, USER, "checkout", Option.some("key-1"), op -> {
            ops.begin(op);
            assertThat(customerFree()).as("while the operation runs").isFalse();
            String committed = ops.commit(op, () -> "done", a -> { });
            assertThat(customerFree()).as("once its last unit committed").isTrue();
            return committed;
        });

        assertThat(answer).isEqualTo("done");
        assertThat(released).containsExactly("with the unit");
    }

    @Test
    void a_last_unit_that_rolls_back_keeps_the_lease_until_run_releases_it() {
        assertThatThrownBy(() -> ops.run(TENANT, USER, "checkout", Option.some("key-1"), op -> {
            ops.begin(op);
            try {
                return ops.commit(op, () -> "done", a -> {
                    throw new IllegalStateException("keeping the answer failed");
                });
            } catch (IllegalStateException e) {
                assertThat(customerFree()).as("after the last unit rolled back").isFalse();
                throw e;
            }
        })).hasMessage("keeping the answer failed");

        assertThat(released).as("the release comes last in the unit: a failure before it leaves it to run")
                .containsExactly("on its own");
        assertThat(customerFree()).as("after run").isTrue();
    }

    @Test
    void an_operation_refused_before_its_last_unit_releases_the_lease_on_its_own() {
        String answer = ops.run(TENANT, USER, "checkout", Option.none(), op -> "refused");

        assertThat(answer).isEqualTo("refused");
        assertThat(released).containsExactly("on its own");
        assertThat(customerFree()).isTrue();
    }
}
