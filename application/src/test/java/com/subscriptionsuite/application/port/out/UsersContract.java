package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.port.out.Users.EmailAlreadyRegistered;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link Users} adapter must do. */
public abstract class UsersContract extends IdentityContract {

    private Users users() {
        return stores.users();
    }

    @Test
    void adds_a_customer_under_a_new_id_and_finds_it_by_email_and_by_id() {
        String guid = guid();

        User added = users().add(ALPHA, guid, UserKind.CUSTOMER, email("ann@example.com"), "argon2 hash", "de", T0)
                .getOrElseThrow(taken -> new AssertionError(taken.toString()));

        assertThat(added).isEqualTo(new User(ALPHA, added.id(), guid, UserKind.CUSTOMER, email("ann@example.com"),
                "argon2 hash", null, "de", T0));
        assertThat(users().byEmail(ALPHA, email("ann@example.com")).toJavaOptional()).contains(added);
        assertThat(users().byId(ALPHA, added.id()).toJavaOptional()).contains(added);
    }

    @Test
    void finds_an_email_given_in_other_case_because_addresses_are_normalised() {
        User ann = customer(ALPHA, "Ann@Example.com");

        assertThat(users().byEmail(ALPHA, email("ANN@example.COM ")).toJavaOptional()).contains(ann);
    }

    @Test
    void adds_any_number_of_guests_without_email_or_password_to_a_tenant() {
        User first = guest(ALPHA);
        User second = guest(ALPHA);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(users().byId(ALPHA, first.id()).toJavaOptional()).contains(first);
        assertThat(users().byId(ALPHA, second.id()).toJavaOptional()).contains(second);
        assertThat(second.email()).isNull();
        assertThat(second.passwordHash()).isNull();
        assertThat(second.guest()).isTrue();
    }

    @Test
    void gives_every_user_an_id_of_its_own_across_tenants() {
        List<Long> ids = List.of(customer(ALPHA, "a@example.com").id(), customer(BETA, "a@example.com").id(),
                guest(ALPHA).id(), customer(ALPHA, "b@example.com").id(), guest(BETA).id());

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void refuses_an_email_the_tenant_has_already_and_keeps_the_first_user() {
        User ann = customer(ALPHA, "ann@example.com");

        Either<EmailAlreadyRegistered, User> again = users().add(ALPHA, guid(), UserKind.CUSTOMER,
                email("ann@example.com"), "another hash", "en", T0.plusSeconds(60));

        assertThat(again.isLeft()).isTrue();
        assertThat(again.getLeft()).isEqualTo(new EmailAlreadyRegistered(email("ann@example.com")));
        assertThat(users().byEmail(ALPHA, email("ann@example.com")).toJavaOptional()).contains(ann);
    }

    @Test
    void accepts_the_same_email_in_two_tenants_as_two_users() {
        User inAlpha = customer(ALPHA, "ann@example.com");
        User inBeta = customer(BETA, "ann@example.com");

        assertThat(inAlpha.id()).isNotEqualTo(inBeta.id());
        assertThat(users().byEmail(ALPHA, email("ann@example.com")).toJavaOptional()).contains(inAlpha);
        assertThat(users().byEmail(BETA, email("ann@example.com")).toJavaOptional()).contains(inBeta);
    }

    @Test
    void does_not_find_a_user_through_another_tenant() {
        User ann = customer(ALPHA, "ann@example.com");

        assertThat(users().byEmail(BETA, email("ann@example.com")).isEmpty()).isTrue();
        assertThat(users().byId(BETA, ann.id()).isEmpty()).isTrue();
    }

    @Test
    void finds_nobody_for_an_unknown_email_or_id() {
        User ann = customer(ALPHA, "ann@example.com");

        assertThat(users().byEmail(ALPHA, email("bob@example.com")).isEmpty()).isTrue();
        assertThat(users().byId(ALPHA, ann.id() + 1000).isEmpty()).isTrue();
    }

    @Test
    void changes_the_password_hash_of_that_user_only() {
        User ann = customer(ALPHA, "ann@example.com");
        User bob = customer(ALPHA, "bob@example.com");
        User annInBeta = customer(BETA, "ann@example.com");

        users().changePassword(ALPHA, ann.id(), "new hash");

        assertThat(users().byId(ALPHA, ann.id()).map(User::passwordHash).toJavaOptional()).contains("new hash");
        assertThat(users().byId(ALPHA, bob.id()).toJavaOptional()).contains(bob);
        assertThat(users().byId(BETA, annInBeta.id()).toJavaOptional()).contains(annInBeta);
    }

    @Test
    void changes_no_password_through_another_tenant() {
        User ann = customer(ALPHA, "ann@example.com");

        users().changePassword(BETA, ann.id(), "new hash");

        assertThat(users().byId(ALPHA, ann.id()).toJavaOptional()).contains(ann);
    }

    /** A guid comes from the secrets port; a repeated one is a bug, not a taken email. */
    @Test
    void refuses_a_guid_in_use_with_an_exception_and_adds_nothing() {
        String guid = guid();
        customer(ALPHA, "ann@example.com");
        users().add(ALPHA, guid, UserKind.GUEST, null, null, "de", T0);

        assertThatThrownBy(() -> users().add(BETA, guid, UserKind.CUSTOMER, email("bob@example.com"), "hash", "de",
                T0)).isInstanceOf(RuntimeException.class);

        assertThat(users().byEmail(BETA, email("bob@example.com")).isEmpty()).isTrue();
    }

    @Test
    @Timeout(60)
    void of_registrations_racing_for_one_email_exactly_one_wins() throws Exception {
        for (int round = 0; round < 3; round++) {
            EmailAddress email = email("race" + round + "@example.com");
            List<Callable<Either<EmailAlreadyRegistered, User>>> registrations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String guid = guid();
                registrations.add(() -> users().add(ALPHA, guid, UserKind.CUSTOMER, email, "hash " + guid, "de", T0));
            }

            List<Either<EmailAlreadyRegistered, User>> results = atOnce(registrations);

            List<User> winners = results.stream().filter(Either::isRight).map(Either::get).toList();
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(results.stream().filter(Either::isLeft).map(Either::getLeft))
                    .as("round %d", round).hasSize(7).containsOnly(new EmailAlreadyRegistered(email));
            assertThat(users().byEmail(ALPHA, email).toJavaOptional()).contains(winners.get(0));
        }
    }
}
