package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.BillingTestEngine.berliner;
import static com.subscriptionsuite.application.BillingTestEngine.cart;
import static com.subscriptionsuite.application.BillingTestEngine.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.domain.billing.BillingAccount;
import io.vavr.control.Option;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The safety net under the customer's lease. With the lease, the second of two first checkouts of
 * one customer waits and then finds the first one's account link (docs/checkout-and-account.md).
 * Should a checkout find no link although one is written meanwhile (a lease that does not
 * serialise), the unique link refuses a second one before anything is booked on the account the
 * billing system opened: that checkout must book nothing and say so (not fail with a 500). The window
 * is reproduced by a link store whose read of the customer's link does not see the link another
 * checkout has just written.
 */
class CheckoutRaceTest {
    /**
     * Links that answer "no account yet" to the customer's link whenever {@code hide} says so (as a
     * racer that was not serialised, or that read before another checkout booked, sees it), and the
     * truth otherwise.
     */
    private static AccountLinks hidingTheLink(AccountLinks links, BooleanSupplier hide) {
        return (AccountLinks) Proxy.newProxyInstance(AccountLinks.class.getClassLoader(),
                new Class<?>[] {AccountLinks.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("accountOf") && hide.getAsBoolean()) {
                        return Option.<AccountRef>none();
                    }
                    try {
                        return method.invoke(links, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void a_first_checkout_whose_link_is_taken_books_nothing_and_asks_for_a_retry() {
        BillingTestEngine t = new BillingTestEngine(Instant.parse("2025-06-15T10:00:00Z"), true,
                links -> hidingTheLink(links, () -> true), gateway -> gateway);
        long ann = t.customer(1);
        assertThat(t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 1, 0))).isRight()).isTrue();
        BillingAccount first = t.billing.accountOfUser(1, ann).get();
        int invoices = t.billing.invoices(1, first.id()).size();

        CheckoutFailure second = t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(402, 2, 0)))
                .getLeft();

        assertThat(second.code()).isEqualTo("checkout_in_progress");
        assertThat(t.billing.subscriptions(1, first.id())).as("only the first checkout's").hasSize(1);
        assertThat(t.billing.invoices(1, first.id())).hasSize(invoices);
        assertThat(t.billing.accountOfUser(1, ann).get()).isEqualTo(first);
    }

    @Test
    void a_first_checkout_that_finds_a_link_once_it_holds_the_lease_books_nothing() {
        // the second checkout's first read (before the lock) misses the account, as if the first
        // checkout booked while the second waited for the customer's lease
        AtomicBoolean hideOnce = new AtomicBoolean();
        BillingTestEngine t = new BillingTestEngine(Instant.parse("2025-06-15T10:00:00Z"), true,
                links -> hidingTheLink(links, () -> hideOnce.getAndSet(false)), gateway -> gateway);
        long ann = t.customer(1);
        assertThat(t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(401, 1, 0))).isRight()).isTrue();
        BillingAccount first = t.billing.accountOfUser(1, ann).get();

        hideOnce.set(true);
        CheckoutFailure second = t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(402, 2, 0)))
                .getLeft();

        assertThat(second.code()).isEqualTo("checkout_in_progress");
        assertThat(t.billing.subscriptions(1, first.id())).as("only the first checkout's").hasSize(1);
        assertThat(t.billing.accountOfUser(1, ann).get()).isEqualTo(first);
        assertThat(t.engine.checkout().subscribe(cart(1, ann, berliner(null), item(402, 2, 0))).isRight())
                .as("a later checkout, which starts with the account, books").isTrue();
    }
}
