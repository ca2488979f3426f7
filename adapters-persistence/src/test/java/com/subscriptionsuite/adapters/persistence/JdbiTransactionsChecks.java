package com.subscriptionsuite.adapters.persistence;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static com.subscriptionsuite.application.fixtures.SampleTenants.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.mail.MailOutbox;
import com.subscriptionsuite.adapters.persistence.mail.OutboxMailer;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.port.out.Mailer.Mail;
import com.subscriptionsuite.application.port.out.Users.EmailAlreadyRegistered;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.Session;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbiTransactions} on one database: the adapters of this module join its unit of work,
 * which commits together or not at all. Subclasses pick the database.
 */
abstract class JdbiTransactionsChecks {
    private static final long TENANT = 1;
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    /** A migrated, empty database; called once before each test. */
    protected abstract Database freshDatabase();

    private Database database;
    private JdbiTransactions transactions;
    private JdbiTenants tenants;
    private JdbiUsers users;
    private JdbiSessions sessions;
    private OutboxMailer mailer;
    private MailOutbox outbox;
    private ExecutorService elsewhere;

    @BeforeEach
    void adaptersOnOneDatabase() {
        database = freshDatabase();
        transactions = new JdbiTransactions(database.jdbi());
        tenants = new JdbiTenants(database.jdbi());
        users = new JdbiUsers(database.jdbi());
        sessions = new JdbiSessions(database.jdbi());
        mailer = new OutboxMailer(database.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));
        outbox = new MailOutbox(database.jdbi());
        elsewhere = Executors.newSingleThreadExecutor();
        tenants.store(full(TENANT, "acme"));
    }

    @AfterEach
    void close() {
        elsewhere.shutdownNow();
        database.close();
    }

    private static EmailAddress email(String raw) {
        return EmailAddress.parse("email", raw).getOrElseThrow(r -> new AssertionError(r.message()));
    }

    private User register(String email) {
        return users.add(TENANT, "guid-" + email, UserKind.CUSTOMER, email(email), "hash", "de", T0)
                .getOrElseThrow(taken -> new AssertionError("taken: " + email));
    }

    /** What another thread (another connection, outside the unit) reads. */
    private <T> T fromElsewhere(Supplier<T> read) throws Exception {
        return elsewhere.submit(read::get).get(10, TimeUnit.SECONDS);
    }

    @Test
    void work_across_two_adapters_commits_together_and_is_invisible_outside_until_then() throws Exception {
        User ann = transactions.inTransaction(() -> {
            User user = register("ann@example.com");
            // the session's foreign key needs the user: only the unit's own connection sees it yet
            sessions.add(Session.start("t1", user, T0));
            assertThat(users.byId(TENANT, user.id()).isDefined()).isTrue();
            assertThat(fromElsewhereUnchecked(() -> users.byId(TENANT, user.id()).isDefined())).isFalse();
            assertThat(fromElsewhereUnchecked(() -> sessions.byTokenHash("t1").isDefined())).isFalse();
            return user;
        });

        assertThat(fromElsewhere(() -> users.byId(TENANT, ann.id()).isDefined())).isTrue();
        assertThat(fromElsewhere(() -> sessions.byTokenHash("t1").isDefined())).isTrue();
    }

    @Test
    void an_exception_rolls_back_the_work_of_every_adapter() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            User user = register("ann@example.com");
            sessions.add(Session.start("t1", user, T0));
            mailer.send(new Mail(TENANT, "ann@example.com", "de", "Willkommen", "Hallo Ann"));
            tenants.deleteProduct(TENANT, 101, T0);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(users.byEmail(TENANT, email("ann@example.com")).isEmpty()).isTrue();
        assertThat(sessions.byTokenHash("t1").isEmpty()).isTrue();
        assertThat(outbox.recent(10)).isEmpty();
        assertThat(tenants.byKey("acme").getOrElseThrow(AssertionError::new).catalog().deletedProductIds()).isEmpty();
        assertThat(tenants.versions()).containsEntry("acme", 1L);
    }

    @Test
    void a_nested_unit_joins_the_outer_one_and_commits_only_with_it() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            User user = transactions.inTransaction(() -> register("ann@example.com"));
            transactions.inTransaction(() -> {
                sessions.add(Session.start("t1", user, T0));
                return null;
            });
            throw new IllegalStateException("after the nested units returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(users.byEmail(TENANT, email("ann@example.com")).isEmpty()).isTrue();
        assertThat(sessions.byTokenHash("t1").isEmpty()).isTrue();
    }

    @Test
    void an_exception_in_a_nested_unit_rolls_back_the_outer_one() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            register("ann@example.com");
            return transactions.inTransaction(() -> {
                register("bob@example.com");
                throw new IllegalStateException("inner");
            });
        })).hasMessage("inner");

        assertThat(users.byEmail(TENANT, email("ann@example.com")).isEmpty()).isTrue();
        assertThat(users.byEmail(TENANT, email("bob@example.com")).isEmpty()).isTrue();
    }

    @Test
    void a_taken_email_inside_a_unit_leaves_the_unit_usable() {
        register("ann@example.com");

        User bob = transactions.inTransaction(() -> {
            Either<EmailAlreadyRegistered, User> again = users.add(TENANT, "guid-2", UserKind.CUSTOMER,
                    email("ann@example.com"), "hash", "de", T0);
            assertThat(again.isLeft()).isTrue();
            return register("bob@example.com");
        });

        assertThat(users.byEmail(TENANT, email("bob@example.com")).toJavaOptional()).contains(bob);
    }

    @Test
    void the_thread_is_free_of_the_unit_after_it_ended() throws Exception {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            register("ann@example.com");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        User bob = register("bob@example.com");

        assertThat(new Handles(database.jdbi()).joined()).isFalse();
        assertThat(fromElsewhere(() -> users.byId(TENANT, bob.id()).isDefined()))
                .as("committed on its own, not left in a unit").isTrue();
    }

    @Test
    void a_tenant_store_inside_a_unit_commits_with_it() throws Exception {
        transactions.inTransaction(() -> {
            tenants.store(minimal(2, "beta"));
            register("ann@example.com");
            assertThat(fromElsewhereUnchecked(() -> tenants.versions().containsKey("beta"))).isFalse();
            return null;
        });

        assertThat(fromElsewhere(() -> tenants.versions())).containsEntry("beta", 1L);
    }

    private <T> T fromElsewhereUnchecked(Supplier<T> read) {
        try {
            return fromElsewhere(read);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
