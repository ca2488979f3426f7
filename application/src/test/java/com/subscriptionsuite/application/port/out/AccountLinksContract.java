package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.domain.identity.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link AccountLinks} adapter must do: at most one account per customer, the first link
 * wins (also when units link at once), a link is the customer's in its tenant only, and a link made in
 * a unit of work that rolls back is gone.
 */
public abstract class AccountLinksContract extends IdentityContract {
    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract AccountLinksStores freshLinkStores();

    private AccountLinks links;
    private Transactions transactions;
    private User ann;
    private User bob;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        AccountLinksStores stores = freshLinkStores();
        links = stores.links();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    private static AccountRef account(User user, String accountId) {
        return new AccountRef(user.tenantId(), user.id(), accountId);
    }

    @Test
    void a_customer_without_a_link_has_no_account() {
        assertThat(links.accountOf(ALPHA, ann.id())).isEmpty();
    }

    @Test
    void links_a_customer_to_an_account_once() {
        assertThat(links.link(account(ann, "acc-1"))).isTrue();

        assertThat(links.accountOf(ALPHA, ann.id())).containsExactly(account(ann, "acc-1"));
    }

    @Test
    void a_second_link_of_the_customer_is_refused_to_another_account_or_the_same_and_the_first_stays() {
        links.link(account(ann, "acc-1"));

        assertThat(links.link(account(ann, "acc-2"))).as("another account").isFalse();
        assertThat(links.link(account(ann, "acc-1"))).as("the same account").isFalse();

        assertThat(links.accountOf(ALPHA, ann.id())).containsExactly(account(ann, "acc-1"));
    }

    @Test
    void a_link_is_its_customers_in_its_tenant_only_and_customers_may_share_no_link_of_each_other() {
        links.link(account(ann, "acc-1"));
        links.link(account(annInBeta, "acc-1"));

        assertThat(links.accountOf(BETA, ann.id())).as("ann's user id in beta").isEmpty();
        assertThat(links.accountOf(ALPHA, annInBeta.id())).as("beta's ann in alpha").isEmpty();
        assertThat(links.accountOf(ALPHA, bob.id())).as("bob").isEmpty();
        assertThat(links.accountOf(BETA, annInBeta.id())).containsExactly(account(annInBeta, "acc-1"));
    }

    @Test
    void a_link_made_in_a_unit_of_work_commits_with_it_and_is_gone_when_the_unit_rolls_back() {
        transactions.inTransaction(() -> links.link(account(bob, "acc-b")));
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            assertThat(links.link(account(ann, "acc-1"))).isTrue();
            assertThat(links.accountOf(ALPHA, ann.id())).as("inside the unit").isNotEmpty();
            throw new IllegalStateException("the unit fails");
        })).hasMessage("the unit fails");

        assertThat(links.accountOf(ALPHA, ann.id())).as("rolled back").isEmpty();
        assertThat(links.accountOf(ALPHA, bob.id())).as("committed").containsExactly(account(bob, "acc-b"));
        assertThat(links.link(account(ann, "acc-2"))).as("a later link").isTrue();
    }

    @Test
    @Timeout(60)
    void of_units_linking_one_customer_at_once_exactly_one_links_and_its_account_stays() throws Exception {
        List<Callable<Boolean>> units = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String accountId = "acc-" + i;
            units.add(() -> transactions.inTransaction(() -> links.link(account(ann, accountId))));
        }

        List<Boolean> linked = atOnce(units);

        assertThat(linked).containsOnlyOnce(true);
        String winner = "acc-" + linked.indexOf(true);
        assertThat(links.accountOf(ALPHA, ann.id())).containsExactly(account(ann, winner));
    }
}
