package com.subscriptionsuite.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.identity.LoginThrottle.Failures;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityRulesTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Nested
    class Email_addresses {
        @Test
        void are_trimmed_and_lower_cased_as_a_whole() {
            assertThat(EmailAddress.parse("email", "  Ann.Lee@Example.COM ").get().value())
                    .isEqualTo("ann.lee@example.com");
        }

        @ParameterizedTest(name = "''{0}'' is refused")
        @ValueSource(strings = {"", "   ", "ann", "ann@", "@example.com", "ann@@example.com", "ann@example",
            "ann@.example.com", "ann@example..com", "ann lee@example.com", "ann@example.com.", "<ann@example.com>"})
        void are_refused_when_not_shaped_like_one(String raw) {
            assertThat(EmailAddress.parse("user.email", raw).getLeft().field()).isEqualTo("user.email");
        }

        @Test
        void are_trimmed_of_no_break_and_zero_width_spaces() {
            assertThat(EmailAddress.parse("email", "\u00a0\u200bann@example.com\u3000").get().value())
                    .isEqualTo("ann@example.com");
            assertThat(EmailAddress.parse("email", "\u00a0\u200b").getLeft().message())
                    .isEqualTo("email: an email address is required");
        }

        @ParameterizedTest(name = "{index}: unsafe characters are refused")
        @ValueSource(strings = {"ann\u0000@example.com", "ann@exa\u202emple.com", "ann\u0085@example.com",
            "ann\ud800@example.com", "ann@example.com\u2028x"})
        void are_refused_with_unsafe_characters(String raw) {
            assertThat(EmailAddress.parse("user.email", raw).getLeft().message()).startsWith("user.email: ")
                    .containsPattern("control|bidirectional|surrogate|one line");
        }

        @Test
        void are_limited_to_254_bytes_in_utf8_as_rfc_5321_has_it() {
            assertThat(EmailAddress.parse("email", "zoë.ἀριστοτέλης@παράδειγμα.ελ").isRight()).isTrue();
            assertThat(EmailAddress.parse("email", "😀".repeat(61) + "@example.com").getLeft().message())
                    .isEqualTo("email: at most 254 bytes in UTF-8 (an email address is limited in octets)");
        }

        @Test
        void are_refused_above_254_characters() {
            String local = "a".repeat(250);
            assertThat(EmailAddress.parse("email", local + "@example.com").isLeft()).isTrue();
        }
    }

    @Nested
    class Passwords {
        final EmailAddress ann = EmailAddress.parse("e", "annabelle@example.com").get();

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(nullValues = "null", value = {
            "short-pw1, password_too_short",
            "null, password_too_short",
            "xx-annabelle-99, password_contains_email",
            "ANNABELLE-rocks-7, password_contains_email",
        })
        void are_refused_for_length_and_for_containing_the_email(String password, String code) {
            assertThat(PasswordPolicy.check("password", password, ann, false).get().code()).isEqualTo(code);
        }

        @Test
        void are_refused_above_128_characters_and_when_common() {
            assertThat(PasswordPolicy.check("p", "x".repeat(129), ann, false).get().code())
                    .isEqualTo("password_too_long");
            assertThat(PasswordPolicy.check("p", "1234567890", ann, true).get().code())
                    .isEqualTo("password_too_common");
        }

        @Test
        void of_ten_characters_counted_as_code_points_are_accepted() {
            assertThat(PasswordPolicy.check("p", "🔑🔑🔑🔑🔑x-7-Qz", ann, false).isEmpty()).isTrue();
            assertThat(PasswordPolicy.check("p", "0123456789", ann, false).isEmpty()).isTrue();
        }
    }

    @Nested
    class The_login_throttle {
        Failures failures(int count, Duration ago) {
            return new Failures(count, NOW.minus(ago));
        }

        @ParameterizedTest(name = "{0} account failures, last {1}s ago → wait {2}s")
        @CsvSource({
            "0, 0, 0",
            "2, 0, 0",
            "3, 0, 1",
            "3, 1, 0",
            "4, 0, 2",
            "6, 3, 5",
            "9, 0, 60",
            "9, 60, 0",
            "10, 0, 900",
            "10, 899, 1",
            "10, 900, 0",
        })
        void slows_then_refuses_an_account_but_never_beyond_the_window(int count, long agoSeconds, long wait) {
            var result = LoginThrottle.waitBeforeTrying(failures(count, Duration.ofSeconds(agoSeconds)),
                    Failures.none(), NOW);
            assertThat(result.map(Duration::getSeconds).getOrElse(0L)).isEqualTo(wait);
        }

        @ParameterizedTest(name = "{0} client failures → wait {1}s")
        @CsvSource({"19, 0", "20, 1", "25, 32", "49, 60", "50, 900"})
        void slows_then_refuses_a_client_later_than_an_account(int count, long wait) {
            var result = LoginThrottle.waitBeforeTrying(Failures.none(), failures(count, Duration.ZERO), NOW);
            assertThat(result.map(Duration::getSeconds).getOrElse(0L)).isEqualTo(wait);
        }

        @Test
        void takes_the_longer_wait_of_account_and_client() {
            var result = LoginThrottle.waitBeforeTrying(failures(4, Duration.ZERO), failures(50, Duration.ZERO), NOW);
            assertThat(result.get()).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Nested
    class Sessions_and_reset_keys {
        final User customer = new User(1, 7, "g-7", UserKind.CUSTOMER,
                EmailAddress.parse("e", "ann@example.com").get(), "hash", null, "de", NOW);
        final User guest = new User(1, 8, "g-8", UserKind.GUEST, null, null, null, "de", NOW);

        @Test
        void a_customer_session_lasts_seven_days_and_a_guest_session_twelve_hours() {
            Session c = Session.start("h1", customer, NOW);
            Session g = Session.start("h2", guest, NOW);
            assertThat(c.activeAt(NOW.plus(Duration.ofDays(7)).minusSeconds(1))).isTrue();
            assertThat(c.activeAt(NOW.plus(Duration.ofDays(7)))).isFalse();
            assertThat(g.activeAt(NOW.plus(Duration.ofHours(12)).minusSeconds(1))).isTrue();
            assertThat(g.activeAt(NOW.plus(Duration.ofHours(12)))).isFalse();
            Session revoked = new Session("h1", 1, 7, UserKind.CUSTOMER, NOW, c.expiresAt(), NOW);
            assertThat(revoked.activeAt(NOW)).isFalse();
        }

        @Test
        void a_reset_key_is_usable_once_within_an_hour() {
            PasswordReset r = PasswordReset.issue("k", customer, NOW);
            assertThat(r.usableAt(NOW.plus(Duration.ofMinutes(59)))).isTrue();
            assertThat(r.usableAt(NOW.plus(Duration.ofHours(1)))).isFalse();
            PasswordReset used = new PasswordReset("k", 1, 7, NOW, r.expiresAt(), NOW);
            assertThat(used.usableAt(NOW)).isFalse();
        }

        @Test
        void secrets_are_stored_as_their_sha256() {
            assertThat(SecretHash.of("abc"))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(SecretHash.same(SecretHash.of("a"), SecretHash.of("a"))).isTrue();
            assertThat(SecretHash.same(SecretHash.of("a"), SecretHash.of("b"))).isFalse();
        }
    }

    @Test
    void an_admin_key_matches_by_its_hash_and_an_origin_exactly() {
        TenantAccess access = new TenantAccess(List.of("https://shop.example.com"),
                List.of(new TenantAccess.AdminKey("ops", SecretHash.of("k-1").toUpperCase()),
                        new TenantAccess.AdminKey("ci", SecretHash.of("k-2"))));
        assertThat(access.adminKeyFor("k-1").get().name()).isEqualTo("ops");
        assertThat(access.adminKeyFor("k-2").get().name()).isEqualTo("ci");
        assertThat(access.adminKeyFor("k-3").isEmpty()).isTrue();
        assertThat(access.adminKeyFor(null).isEmpty()).isTrue();
        assertThat(access.allowsOrigin("https://shop.example.com")).isTrue();
        assertThat(access.allowsOrigin("https://shop.example.com.evil.example")).isFalse();
        assertThat(access.allowsOrigin("http://shop.example.com")).isFalse();
    }
}
