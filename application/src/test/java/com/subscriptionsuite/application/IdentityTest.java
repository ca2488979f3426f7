package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import com.subscriptionsuite.application.port.in.identity.LogIn.LogInCommand;
import com.subscriptionsuite.application.port.in.identity.Register.RegisterCommand;
import com.subscriptionsuite.application.port.in.identity.ResetPassword.ConfirmResetCommand;
import com.subscriptionsuite.application.port.in.identity.ResetPassword.StartResetCommand;
import com.subscriptionsuite.application.port.in.identity.SignedIn;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.out.Mailer.Mail;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityTest {
    static final String GOOD = "violet-anchor-tundra-47";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final RecordingMailer mailer = new RecordingMailer();
    final Engine engine;

    IdentityTest() {
        InMemoryTenants tenants = new InMemoryTenants();
        TenantDefinition acme = SampleTenants.full(1, "acme");
        tenants.store(new TenantDefinition(acme.tenant(), acme.catalog(), acme.translations(),
                new TenantAccess(List.of("https://shop.acme.example"),
                        List.of(new TenantAccess.AdminKey("ops", SecretHash.of("admin-secret-1"))))));
        TenantDefinition other = SampleTenants.full(2, "other");
        Tenant t = other.tenant();
        CheckoutSettings c = t.checkoutSettings();
        tenants.store(new TenantDefinition(new Tenant(t.id(), t.key(), t.name(), t.hosts(), t.seller(), t.languages(),
                t.currencies(), t.cartSettings(), new CheckoutSettings(c.id(), false, c.showCharges(), c.showTax(),
                        c.showBrutto(), c.showProductName(), c.hasAutoInvoice(), c.hasAutoPayment()),
                t.customerCenterSettings()), other.catalog(), other.translations()));
        engine = Engine.builder().tenants(tenants).clock(clock).users(new InMemoryUsers())
                .sessions(new InMemorySessions()).passwordResets(new InMemoryPasswordResets())
                .loginAttempts(new InMemoryLoginAttempts()).transactions(new InMemoryTransactions())
                .passwordHasher(new PlainTestHasher()).secrets(new CountingSecrets())
                .commonPasswords(pw -> pw.toLowerCase().contains("password") || pw.equals("1234567890"))
                .mailer(mailer).build();
    }

    SignedIn register(String email, String password) {
        return engine.register().register(new RegisterCommand(1, email, password, null, null, "10.0.0.9")).get();
    }

    IdentityFailure failedLogin(String email, String password) {
        return engine.logIn().logIn(new LogInCommand(1, email, password, "10.0.0.1")).getLeft();
    }

    @Nested
    class Registering {
        @Test
        void creates_a_customer_whose_token_authenticates_and_sends_a_welcome_mail_in_the_default_language() {
            SignedIn in = register("  Ann@Example.COM ", GOOD);
            assertThat(in.user().email().value()).isEqualTo("ann@example.com");
            assertThat(in.user().kind()).isEqualTo(UserKind.CUSTOMER);
            assertThat(in.user().passwordHash()).doesNotContain(GOOD);
            assertThat(engine.authenticate().authenticate(1, in.token()).get().guid()).isEqualTo(in.user().guid());
            Mail mail = mailer.sent().get(0);
            assertThat(mail.to()).isEqualTo("ann@example.com");
            assertThat(mail.language()).isEqualTo("de");
            assertThat(mail.subject()).isEqualTo("Willkommen bei Shop of acme");
        }

        @Test
        void writes_the_welcome_mail_in_the_asked_language_and_links_only_to_the_tenants_own_origins() {
            engine.register().register(new RegisterCommand(1, "bob@example.com", GOOD,
                    "https://shop.acme.example/welcome", "en", "10.0.0.9")).get();
            engine.register().register(new RegisterCommand(1, "eve@example.com", GOOD,
                    "https://evil.example/phish", "en", "10.0.0.9")).get();
            assertThat(mailer.sent().get(0).subject()).isEqualTo("Welcome to Shop of acme");
            assertThat(mailer.sent().get(0).text()).contains("https://shop.acme.example/welcome");
            assertThat(mailer.sent().get(1).text()).doesNotContain("evil.example");
        }

        @Test
        void refuses_an_email_the_tenant_has_whatever_its_case_but_not_one_of_another_tenant() {
            register("ann@example.com", GOOD);
            assertThat(engine.register().register(new RegisterCommand(1, "ANN@example.com", GOOD, null, null, "10.0.0.9"))
                    .getLeft().code()).isEqualTo("email_taken");
            assertThat(engine.register().register(new RegisterCommand(2, "ann@example.com", GOOD, null, null, "10.0.0.9"))
                    .isRight()).isTrue();
        }

        @Test
        void refuses_weak_passwords_naming_the_field() {
            assertThat(engine.register().register(new RegisterCommand(1, "ann@example.com", "short", null, null, "10.0.0.9"))
                    .getLeft()).satisfies(f -> {
                        assertThat(f.code()).isEqualTo("password_too_short");
                        assertThat(f.field()).isEqualTo("user.password");
                    });
            assertThat(engine.register().register(new RegisterCommand(1, "ann@example.com", "MyPassword2024", null,
                    null, "10.0.0.9")).getLeft().code()).isEqualTo("password_too_common");
            assertThat(engine.register().register(new RegisterCommand(1, "annabelle@example.com", "annabelle-99-x",
                    null, null, "10.0.0.9")).getLeft().code()).isEqualTo("password_contains_email");
            assertThat(engine.register().register(new RegisterCommand(1, "not-an-email", GOOD, null, null, "10.0.0.9"))
                    .getLeft().code()).isEqualTo("email_invalid");
            assertThat(mailer.sent()).isEmpty();
        }
    }

    @Nested
    class Logging_in {
        @Test
        void gives_a_new_token_for_the_right_password() {
            SignedIn first = register("ann@example.com", GOOD);
            SignedIn again = engine.logIn().logIn(new LogInCommand(1, "Ann@example.com", GOOD, "10.0.0.1")).get();
            assertThat(again.token()).isNotEqualTo(first.token());
            assertThat(again.user().id()).isEqualTo(first.user().id());
        }

        @Test
        void answers_a_wrong_password_exactly_as_an_unknown_email() {
            register("ann@example.com", GOOD);
            assertThat(failedLogin("ann@example.com", "wrong-password-1")).isEqualTo(failedLogin("nobody@example.com",
                    GOOD));
        }

        @Test
        void slows_an_account_down_after_three_failures_and_refuses_it_from_the_tenth_for_a_while() {
            register("ann@example.com", GOOD);
            failedLogin("ann@example.com", "x1234567890");
            failedLogin("ann@example.com", "x1234567890");
            failedLogin("ann@example.com", "x1234567890");
            IdentityFailure throttled = failedLogin("ann@example.com", GOOD);
            assertThat(throttled).isEqualTo(new IdentityFailure.LoginThrottled(1));
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.logIn().logIn(new LogInCommand(1, "ann@example.com", GOOD, "10.0.0.2")).isRight()).isTrue();

            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMinutes(1));
                failedLogin("ann@example.com", "x1234567890");
            }
            clock.advance(Duration.ofMinutes(2));
            assertThat(failedLogin("ann@example.com", GOOD)).isInstanceOf(IdentityFailure.LoginThrottled.class);
            clock.advance(Duration.ofMinutes(14));
            assertThat(engine.logIn().logIn(new LogInCommand(1, "ann@example.com", GOOD, "10.0.0.3")).isRight())
                    .as("the owner gets back in once the window has passed").isTrue();
        }

        @Test
        void keeps_a_lockout_for_as_long_as_it_announced_even_when_old_failures_age_out() {
            register("ann@example.com", GOOD);
            for (int i = 0; i < 10; i++) {
                failedLogin("ann@example.com", "x1234567890");
                clock.advance(Duration.ofSeconds(80));
            }
            // ten failures over 12 minutes; the first has aged out of the window by now
            IdentityFailure first = failedLogin("ann@example.com", GOOD);
            assertThat(first).isInstanceOf(IdentityFailure.LoginThrottled.class);
            long announced = ((IdentityFailure.LoginThrottled) first).retryAfterSeconds();
            assertThat(announced).isEqualTo(15 * 60 - 80);
            clock.advance(Duration.ofSeconds(announced - 1));
            assertThat(failedLogin("ann@example.com", GOOD)).isInstanceOf(IdentityFailure.LoginThrottled.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.logIn().logIn(new LogInCommand(1, "ann@example.com", GOOD, "10.0.0.1")).isRight()).isTrue();
        }

        @Test
        void slows_down_a_client_trying_many_accounts() {
            for (int i = 0; i < 20; i++) {
                failedLogin("user" + i + "@example.com", "x1234567890");
            }
            assertThat(failedLogin("fresh@example.com", "x1234567890"))
                    .isInstanceOf(IdentityFailure.LoginThrottled.class);
        }
    }

    @Nested
    class Per_client_budgets {
        @Test
        void allow_twenty_registrations_per_client_and_window() {
            for (int i = 0; i < 20; i++) {
                assertThat(engine.register().register(new RegisterCommand(1, "u" + i + "@example.com", GOOD, null, null,
                        "10.9.9.9")).isRight()).isTrue();
            }
            IdentityFailure refused = engine.register().register(new RegisterCommand(1, "u20@example.com", GOOD, null,
                    null, "10.9.9.9")).getLeft();
            assertThat(refused.code()).isEqualTo("too_many_requests");
            assertThat(engine.register().register(new RegisterCommand(1, "u20@example.com", GOOD, null, null,
                    "10.9.9.8")).isRight()).as("another client").isTrue();
            clock.advance(Duration.ofMinutes(15));
            assertThat(engine.register().register(new RegisterCommand(1, "u21@example.com", GOOD, null, null,
                    "10.9.9.9")).isRight()).as("after the window").isTrue();
        }

        @Test
        void allow_thirty_guests_and_ten_reset_requests_per_client_and_window() {
            for (int i = 0; i < 30; i++) {
                assertThat(engine.logInAsGuest().logInAsGuest(1, "10.9.9.9").isRight()).isTrue();
            }
            assertThat(engine.logInAsGuest().logInAsGuest(1, "10.9.9.9").getLeft().code())
                    .isEqualTo("too_many_requests");
            for (int i = 0; i < 10; i++) {
                assertThat(engine.resetPassword().start(new StartResetCommand(1, "r" + i + "@example.com",
                        "10.9.9.9")).isRight()).isTrue();
            }
            assertThat(engine.resetPassword().start(new StartResetCommand(1, "r@example.com", "10.9.9.9")).getLeft()
                    .code()).isEqualTo("too_many_requests");
        }
    }

    @Nested
    class Sessions {
        @Test
        void logout_revokes_the_token_at_once() {
            SignedIn in = register("ann@example.com", GOOD);
            assertThat(engine.logOut().logOut(1, in.token()).isRight()).isTrue();
            assertThat(engine.authenticate().authenticate(1, in.token()).getLeft().code()).isEqualTo("not_authenticated");
            assertThat(engine.logOut().logOut(1, in.token()).isLeft()).isTrue();
        }

        @Test
        void a_token_is_refused_by_another_tenant_and_after_seven_days() {
            SignedIn in = register("ann@example.com", GOOD);
            assertThat(engine.authenticate().authenticate(2, in.token()).isLeft()).isTrue();
            clock.advance(Duration.ofDays(7).minusSeconds(1));
            assertThat(engine.authenticate().authenticate(1, in.token()).isRight()).isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.authenticate().authenticate(1, in.token()).isLeft()).isTrue();
        }

        @Test
        void a_guest_gets_a_user_of_its_own_for_twelve_hours_where_the_tenant_allows_guests() {
            SignedIn guest = engine.logInAsGuest().logInAsGuest(1, "10.0.0.9").get();
            SignedIn another = engine.logInAsGuest().logInAsGuest(1, "10.0.0.9").get();
            assertThat(guest.user().guest()).isTrue();
            assertThat(guest.user().id()).isNotEqualTo(another.user().id());
            assertThat(engine.authenticate().authenticate(1, guest.token()).get().kind()).isEqualTo(UserKind.GUEST);
            clock.advance(Duration.ofHours(12));
            assertThat(engine.authenticate().authenticate(1, guest.token()).isLeft()).isTrue();
            assertThat(engine.logInAsGuest().logInAsGuest(2, "10.0.0.9").getLeft().code()).isEqualTo("guest_checkout_disabled");
        }

        @Test
        void an_empty_or_unknown_token_is_not_authenticated() {
            assertThat(engine.authenticate().authenticate(1, "").isLeft()).isTrue();
            assertThat(engine.authenticate().authenticate(1, null).isLeft()).isTrue();
            assertThat(engine.authenticate().authenticate(1, "made-up").isLeft()).isTrue();
        }
    }

    @Nested
    class Resetting_a_password {
        static final Pattern KEY = Pattern.compile("(?:Schlüssel|key): (\\S+)");

        String keyFrom(Mail mail) {
            Matcher m = KEY.matcher(mail.text());
            assertThat(m.find()).as(mail.text()).isTrue();
            return m.group(1);
        }

        @Test
        void answers_alike_for_known_and_unknown_emails_and_mails_only_the_known_one() {
            register("ann@example.com", GOOD);
            mailer.sent();
            int before = mailer.sent().size();
            assertThat(engine.resetPassword().start(new StartResetCommand(1, "nobody@example.com", "c"))).isEqualTo(
                    engine.resetPassword().start(new StartResetCommand(1, "ann@example.com", "c")));
            assertThat(mailer.sent()).hasSize(before + 1);
            assertThat(mailer.sent().get(before).subject()).isEqualTo("Passwort zurücksetzen bei Shop of acme");
        }

        @Test
        void sets_the_new_password_once_and_revokes_every_session() {
            SignedIn in = register("ann@example.com", GOOD);
            engine.resetPassword().start(new StartResetCommand(1, "ann@example.com", "c"));
            String key = keyFrom(mailer.sent().get(mailer.sent().size() - 1));
            assertThat(engine.resetPassword().confirm(new ConfirmResetCommand(1, key, "password-is-weak")).getLeft()
                    .code()).isEqualTo("password_too_common");
            assertThat(engine.resetPassword().confirm(new ConfirmResetCommand(1, key, "amber-kettle-spruce-81"))
                    .isRight()).isTrue();
            assertThat(engine.authenticate().authenticate(1, in.token()).isLeft()).isTrue();
            assertThat(engine.logIn().logIn(new LogInCommand(1, "ann@example.com", "amber-kettle-spruce-81", "c"))
                    .isRight()).isTrue();
            assertThat(failedLogin("ann@example.com", GOOD).code()).isEqualTo("credentials_invalid");
            assertThat(engine.resetPassword().confirm(new ConfirmResetCommand(1, key, "another-fine-phrase-9"))
                    .getLeft().code()).isEqualTo("reset_key_invalid");
        }

        @Test
        void refuses_a_key_after_an_hour_and_a_key_of_another_tenant() {
            register("ann@example.com", GOOD);
            engine.resetPassword().start(new StartResetCommand(1, "ann@example.com", "c"));
            String key = keyFrom(mailer.sent().get(mailer.sent().size() - 1));
            assertThat(engine.resetPassword().confirm(new ConfirmResetCommand(2, key, "amber-kettle-spruce-81"))
                    .getLeft().code()).isEqualTo("reset_key_invalid");
            clock.advance(Duration.ofHours(1));
            assertThat(engine.resetPassword().confirm(new ConfirmResetCommand(1, key, "amber-kettle-spruce-81"))
                    .getLeft().code()).isEqualTo("reset_key_invalid");
        }

        @Test
        void sends_at_most_three_reset_mails_per_address_within_the_window() {
            register("ann@example.com", GOOD);
            int before = mailer.sent().size();
            for (int i = 0; i < 5; i++) {
                assertThat(engine.resetPassword().start(new StartResetCommand(1, "ann@example.com", "c")).isRight())
                        .isTrue();
            }
            assertThat(mailer.sent()).hasSize(before + 3);
        }
    }

    @Nested
    class Administering {
        @Test
        void accepts_only_the_tenants_own_admin_key() {
            assertThat(engine.authorizeAdmin().authorize(1, "admin-secret-1").get().keyName()).isEqualTo("ops");
            assertThat(engine.authorizeAdmin().authorize(1, "admin-secret-2").isLeft()).isTrue();
            assertThat(engine.authorizeAdmin().authorize(2, "admin-secret-1").isLeft()).isTrue();
            assertThat(engine.authorizeAdmin().authorize(1, "").isLeft()).isTrue();
        }

        @Test
        void a_removed_product_is_no_longer_listed_or_sold_and_cannot_be_removed_twice() {
            assertThat(engine.removeProduct().remove(1, 101).get().id()).isEqualTo(101);
            assertThat(engine.browseCatalog().products(1)).extracting(p -> p.id()).doesNotContain(101L);
            assertThat(engine.browseCatalog().product(1, 101).isLeft()).isTrue();
            assertThat(engine.previewPrices().preview(new PreviewPricesQuery(1, null, null,
                    List.of(new PreviewPricesQuery.Item(401, 1, 0)))).getLeft().code())
                    .isEqualTo("suite_product_not_found");
            assertThat(engine.showShopPage().page(1, "601").get().steps().get(0).offers()).isEmpty();
            assertThat(engine.removeProduct().remove(1, 101).isLeft()).isTrue();
            assertThat(engine.browseCatalog().product(2, 101).isRight()).as("other tenant untouched").isTrue();
        }
    }
}
