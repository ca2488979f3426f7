package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A checkout's commits are made durable together when it returns ({@link Transactions#durableOnReturn}), and
 * every port to a remote system the engine is given is called only after everything committed is durable
 * ({@link Transactions#makeCommittedDurable}, {@link RemoteCalls}).
 */
class DurableOnReturnTest {
    private static final String BARRIER = "commits made durable";

    @Test
    void a_checkout_runs_as_durable_work_and_calls_the_billing_system_only_after_the_commits_are_durable() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        BillingTestEngine t = new BillingTestEngine(Instant.parse("2026-11-21T10:00:00Z"), true, links -> links,
                gateway -> logging(BillingGateway.class, gateway, log));
        t.transactions.logDurabilityTo(log);
        long ann = t.customer(1);
        log.clear();

        assertThat(t.engine.checkout().subscribe(BillingTestEngine.cart(1, ann, berliner(null), item(401, 1, 1)))
                .isRight()).isTrue();

        assertThat(log).first().isEqualTo("durable work begins");
        assertThat(log).last().isEqualTo("durable work returns");
        assertThat(log).filteredOn(line -> line.startsWith("billing system ")).as("the gateway was called")
                .isNotEmpty();
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).startsWith("billing system ")) {
                assertThat(log.get(i - 1)).as("before " + log.get(i)).isEqualTo(BARRIER);
            }
        }
        assertThat(log).filteredOn("durable work begins"::equals).as("one durable work, nested ones joined")
                .hasSize(1);
    }

    /**
     * An idempotent request runs as one durable work from its claim to its kept answer, with or without an
     * operation of its own inside.
     */
    @Test
    void an_idempotent_request_runs_as_durable_work_from_its_claim_to_its_kept_answer() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        BillingTestEngine t = new BillingTestEngine(Instant.parse("2026-11-21T10:00:00Z"));
        long ann = t.customer(1);
        t.transactions.logDurabilityTo(log);
        var requests = t.engine.idempotentRequests();

        assertThat(requests.run(1, ann, "key-1", "fingerprint", () -> {
            log.add("work");
            return new IdempotentRequests.Response(200, "{}");
        }).isRight()).isTrue();
        assertThat(requests.runOperation(1, ann, "key-2", "fingerprint", completion -> {
            log.add("operation");
            completion.complete(201, "{}");
            return new IdempotentRequests.Response(201, "{}");
        }).isRight()).isTrue();

        assertThat(log).containsExactly("durable work begins", "work", "durable work returns",
                "durable work begins", "operation", "durable work returns");
    }

    @Test
    void an_event_round_is_one_durable_work_and_a_listener_given_hears_each_event_after_the_commits_are_durable() {
        ChangeSubscriptionTest.Shop shop = new ChangeSubscriptionTest.Shop();
        // a quantity change: its events (the change, the invoice) wait in the outbox
        ChangeSubscriptionTest.ok(shop.apply(ChangeSubscriptionTest.quantity(shop.basic(2), 3)));
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        shop.transactions.logDurabilityTo(log);

        int delivered = shop.engine.events().orElseThrow().deliverEvents().deliver();

        assertThat(delivered).isPositive();
        assertThat(shop.heard).hasSize(delivered);
        assertThat(log).first().isEqualTo("durable work begins");
        assertThat(log).last().isEqualTo("durable work returns");
        assertThat(log).filteredOn(BARRIER::equals).as("one before each event the listener heard")
                .hasSize(delivered);
    }

    @Test
    void a_port_behind_the_commits_makes_them_durable_before_each_call_and_throws_what_the_port_throws() {
        List<String> log = new ArrayList<>();
        Transactions transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }

            @Override
            public void makeCommittedDurable() {
                log.add(BARRIER);
            }
        };
        Supplier<String> remote = () -> {
            log.add("called");
            if (log.size() > 2) {
                throw new IllegalStateException("the remote system failed");
            }
            return "answer";
        };
        @SuppressWarnings("unchecked")
        Supplier<String> behind = RemoteCalls.behindCommits(Supplier.class, remote, transactions);

        assertThat(behind.get()).isEqualTo("answer");
        assertThat(log).containsExactly(BARRIER, "called");
        assertThatThrownBy(behind::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("the remote system failed");
        assertThat(log).containsExactly(BARRIER, "called", BARRIER, "called");
        assertThat(behind.toString()).contains("behind the commits");
        assertThat(behind).isEqualTo(behind).isNotEqualTo(remote);
        assertThat(log).as("toString and equals are not remote calls").hasSize(4);
        assertThat(RemoteCalls.behindCommits(Supplier.class, null, transactions)).isNull();
    }

    /** {@code target} as {@code port}, noting each call's method in {@code log}. */
    private static <T> T logging(Class<T> port, T target, List<String> log) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                log.add("billing system " + method.getName());
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
