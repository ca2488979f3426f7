package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.out.Mailer;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** POST /register, /login, /login/guest, /logout, /password-reset/*: each test on a server of its own. */
class IdentityIT {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern RESET_KEY = Pattern.compile("token-\\d+-a+");

    private TestServer.Fresh server;
    private Http acme;

    @BeforeEach
    void startServer() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Reply register(Http http, String email, String password) {
        return http.post("/register", """
                {"user": {"email": "%s", "password": "%s"}, "redirect_url": "https://shop.acme.example/welcome",
                 "language": "en"}""".formatted(email, password));
    }

    private static String registered(Http http, String email) {
        return register(http, email, PASSWORD).ok().path("token").asText();
    }

    private static Reply logIn(Http http, String email, String password) {
        return http.post("/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
    }

    @Nested
    class Register {
        @Test
        void registers_a_customer_whose_token_works_at_once() {
            JsonNode body = register(acme, "ann@example.com", PASSWORD).ok();

            String token = body.path("token").asText();
            assertThat(token).isNotBlank();
            assertThat(body.path("user").path("guid").asText()).isNotBlank();
            assertThat(body.path("user").path("id").asText()).isEqualTo(body.path("user").path("guid").asText());
            assertThat(acme.bearer(token).post("/logout").ok().path("success").asBoolean()).isTrue();
        }

        @Test
        void refuses_an_email_already_registered_in_any_case() {
            registered(acme, "ann@example.com");

            JsonNode error = register(acme, "  ANN@Example.COM", PASSWORD).error(409, "email_taken");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user.email");
        }

        @Test
        void allows_the_same_email_at_another_tenant() {
            registered(acme, "ann@example.com");

            register(server.tenant("other"), "ann@example.com", PASSWORD).ok();
        }

        @Test
        void refuses_a_short_password_naming_user_password() {
            JsonNode error = register(acme, "ann@example.com", "short").error(400, "password_too_short");

            assertThat(error.path("message").asText()).startsWith("user.password: ");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user.password");
        }

        @Test
        void refuses_a_common_password_and_one_containing_the_email() {
            JsonNode common = register(acme, "ann@example.com", "1234567890").error(400, "password_too_common");
            assertThat(common.path("details").get(0).path("field").asText()).isEqualTo("user.password");

            JsonNode error = register(acme, "annabelle@example.com", "I am annabelle!").error(400, "password_contains_email");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user.password");
        }

        @Test
        void refuses_a_malformed_email_naming_user_email() {
            JsonNode error = register(acme, "ann.example.com", PASSWORD).error(400, "email_invalid");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user.email");
        }

        @Test
        void requires_the_user_with_email_and_password() {
            JsonNode error = acme.post("/register", "{\"user\": {}}").error(400, "field_required");

            assertThat(error.path("details").findValuesAsText("field")).containsExactly("user.email", "user.password");
            acme.post("/register", "{}").error(400, "field_required");
        }

        @Test
        void refuses_an_unknown_field() {
            JsonNode error = acme.post("/register", """
                    {"user": {"email": "ann@example.com", "password": "%s", "admin": true}}""".formatted(PASSWORD))
                    .error(400, "field_unknown");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("user.admin");
        }

        @Test
        void refuses_the_twenty_first_registration_from_one_client_within_fifteen_minutes() {
            for (int i = 0; i < 20; i++) {
                register(acme, "user" + i + "@example.com", PASSWORD).ok();
            }

            Reply refused = register(acme, "user20@example.com", PASSWORD);

            refused.error(429, "too_many_requests");
            assertThat(refused.header("Retry-After")).isEqualTo("900");
            server.clock().advance(Duration.ofMinutes(15));
            register(acme, "user20@example.com", PASSWORD).ok();
        }

        @Test
        void mails_a_welcome_with_the_redirect_of_an_allowed_origin() {
            registered(acme, "ann@example.com");

            assertThat(server.mailer().sent()).singleElement().satisfies(mail -> {
                assertThat(mail.to()).isEqualTo("ann@example.com");
                assertThat(mail.text()).contains("https://shop.acme.example/welcome");
            });
        }
    }

    @Nested
    class LogIn {
        @Test
        void logs_in_with_email_and_password() {
            String guid = register(acme, "ann@example.com", PASSWORD).ok().path("user").path("guid").asText();

            JsonNode body = logIn(acme, "Ann@Example.com", PASSWORD).ok();

            assertThat(body.path("token").asText()).isNotBlank();
            assertThat(body.path("user").path("id").asText()).isEqualTo(guid);
            assertThat(body.path("user").path("guid").asText()).isEqualTo(guid);
            assertThat(body.path("user").path("crm_id").isNull()).isTrue();
            acme.bearer(body.path("token").asText()).post("/logout").ok();
        }

        @Test
        void answers_a_wrong_password_and_an_unknown_email_identically() {
            registered(acme, "ann@example.com");

            Reply wrongPassword = logIn(acme, "ann@example.com", "not the password");
            Reply unknownEmail = logIn(acme, "bob@example.com", "not the password");

            wrongPassword.error(401, "credentials_invalid");
            assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
            assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
            assertThat(unknownEmail.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"))
                    .isEqualTo("Bearer");
        }

        @Test
        void requires_email_and_password() {
            JsonNode error = acme.post("/login", "{}").error(400, "field_required");

            assertThat(error.path("details").findValuesAsText("field")).containsExactly("email", "password");
        }

        @Test
        void makes_an_account_wait_after_three_failures_and_lets_the_owner_in_once_the_wait_is_over() {
            registered(acme, "ann@example.com");
            for (int i = 0; i < 3; i++) {
                logIn(acme, "ann@example.com", "guess " + i).error(401, "credentials_invalid");
            }

            Reply throttled = logIn(acme, "ann@example.com", PASSWORD);

            throttled.error(429, "login_throttled");
            assertThat(throttled.header("Retry-After")).isEqualTo("1");
            server.clock().advance(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After"))));
            logIn(acme, "ann@example.com", PASSWORD).ok();
        }

        @Test
        void refuses_an_account_for_fifteen_minutes_from_its_tenth_failure() {
            registered(acme, "ann@example.com");
            for (int failure = 1; failure <= 10; failure++) {
                Reply reply = logIn(acme, "ann@example.com", "guess " + failure);
                while (reply.status() == 429) {
                    server.clock().advance(Duration.ofSeconds(Long.parseLong(reply.header("Retry-After"))));
                    reply = logIn(acme, "ann@example.com", "guess " + failure);
                }
                reply.error(401, "credentials_invalid");
            }

            Reply refused = logIn(acme, "ann@example.com", PASSWORD);

            refused.error(429, "login_throttled");
            assertThat(refused.header("Retry-After")).isEqualTo("900");
            server.clock().advance(Duration.ofSeconds(60));
            Reply stillRefused = logIn(acme, "ann@example.com", PASSWORD);
            stillRefused.error(429, "login_throttled");
            assertThat(stillRefused.header("Retry-After")).isEqualTo("840");
            server.clock().advance(Duration.ofSeconds(840));
            logIn(acme, "ann@example.com", PASSWORD).ok();
        }

        @Test
        void makes_a_client_that_tries_many_accounts_wait_whatever_x_forwarded_for_claims() {
            for (int i = 0; i < 20; i++) {
                logIn(acme.with("X-Forwarded-For", "203.0.113." + i), "nobody" + i + "@example.com", "guess")
                        .error(401, "credentials_invalid");
            }

            Reply throttled = logIn(acme.with("X-Forwarded-For", "198.51.100.7"), "somebody@example.com", "guess");

            throttled.error(429, "login_throttled");
            assertThat(throttled.header("Retry-After")).isEqualTo("1");
        }

        @Test
        void keeps_failures_of_one_tenant_away_from_the_same_email_at_another() {
            registered(acme, "ann@example.com");
            registered(server.tenant("other"), "ann@example.com");
            for (int i = 0; i < 3; i++) {
                logIn(acme, "ann@example.com", "guess " + i).error(401, "credentials_invalid");
            }

            logIn(server.tenant("other"), "ann@example.com", PASSWORD).ok();
        }
    }

    @Nested
    class Guest {
        @Test
        void gives_a_guest_token_where_guest_checkout_is_allowed() {
            JsonNode body = acme.post("/login/guest").ok();

            assertThat(body.path("user").path("guest").asBoolean()).isTrue();
            assertThat(body.path("token").asText()).isNotBlank();
            acme.bearer(body.path("token").asText()).post("/logout").ok();
        }

        @Test
        void accepts_an_empty_json_object_and_refuses_any_field() {
            acme.post("/login/guest", "{}").ok();

            JsonNode error = acme.post("/login/guest", "{\"email\": \"ann@example.com\"}").error(400, "field_unknown");
            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("email");
        }

        @Test
        void refuses_guests_where_the_tenant_does_not_allow_them() {
            server.tenant("members").post("/login/guest").error(403, "guest_checkout_disabled");
        }

        @Test
        void ends_a_guest_session_after_twelve_hours() {
            String token = acme.post("/login/guest").ok().path("token").asText();

            server.clock().advance(Duration.ofHours(12));

            acme.bearer(token).post("/logout").error(401, "not_authenticated");
        }
    }

    @Nested
    class LogOut {
        @Test
        void revokes_the_token_at_once() {
            String token = registered(acme, "ann@example.com");

            JsonNode body = acme.bearer(token).post("/logout").ok();

            assertThat(body.toString()).isEqualTo("{\"success\":true}");
            Reply again = acme.bearer(token).post("/logout");
            again.error(401, "not_authenticated");
            assertThat(again.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }

        @Test
        void revokes_only_the_token_presented() {
            String first = registered(acme, "ann@example.com");
            String second = logIn(acme, "ann@example.com", PASSWORD).ok().path("token").asText();

            acme.bearer(first).post("/logout").ok();

            acme.bearer(second).post("/logout").ok();
        }

        @Test
        void asks_for_a_token_when_none_is_sent() {
            Reply reply = acme.post("/logout");

            reply.error(401, "not_authenticated");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(acme.with("Authorization", "Basic YW5uOnB3").post("/logout").status()).isEqualTo(401);
            assertThat(acme.with("Authorization", "Bearer ").post("/logout").status()).isEqualTo(401);
        }

        @Test
        void accepts_the_scheme_in_any_case() {
            String token = registered(acme, "ann@example.com");

            acme.with("Authorization", "bearer  " + token).post("/logout").ok();
        }

        @Test
        void ends_a_customer_session_after_seven_days() {
            String token = registered(acme, "ann@example.com");

            server.clock().advance(Duration.ofDays(7).minusSeconds(1));
            String stillValid = logIn(acme, "ann@example.com", PASSWORD).ok().path("token").asText();
            server.clock().advance(Duration.ofSeconds(1));

            acme.bearer(token).post("/logout").error(401, "not_authenticated");
            acme.bearer(stillValid).post("/logout").ok();
        }
    }

    @Nested
    class TenantIsolation {
        @Test
        void refuses_a_token_of_one_tenant_at_another_and_leaves_it_valid_at_its_own() {
            String acmeToken = registered(acme, "ann@example.com");

            server.tenant("other").bearer(acmeToken).post("/logout").error(401, "not_authenticated");

            acme.bearer(acmeToken).post("/logout").ok();
        }

        @Test
        void does_not_log_in_at_another_tenant() {
            registered(acme, "ann@example.com");

            logIn(server.tenant("other"), "ann@example.com", PASSWORD).error(401, "credentials_invalid");
        }
    }

    @Nested
    class PasswordReset {
        private String requestedKey(String email) {
            List<Mailer.Mail> mails = server.mailer().sent().stream().filter(m -> m.to().equals(email))
                    .filter(m -> RESET_KEY.matcher(m.text()).find()).toList();
            assertThat(mails).as("reset mails to %s", email).hasSize(1);
            Matcher key = RESET_KEY.matcher(mails.get(0).text());
            assertThat(key.find()).isTrue();
            return key.group();
        }

        private Reply confirm(String key, String password) {
            return acme.post("/password-reset/confirm",
                    "{\"confirm_key\": \"%s\", \"password\": \"%s\"}".formatted(key, password));
        }

        @Test
        void answers_a_known_and_an_unknown_email_identically_and_mails_only_the_known_one() {
            registered(acme, "ann@example.com");
            int welcomeMails = server.mailer().sent().size();

            Reply known = acme.post("/password-reset/init", "{\"email\": \"ann@example.com\"}");
            Reply unknown = acme.post("/password-reset/init", "{\"email\": \"bob@example.com\"}");

            assertThat(known.ok().toString()).isEqualTo("{\"success\":true}");
            assertThat(unknown.status()).isEqualTo(known.status());
            assertThat(unknown.body()).isEqualTo(known.body());
            List<Mailer.Mail> resetMails = server.mailer().sent().subList(welcomeMails, server.mailer().sent().size());
            assertThat(resetMails).singleElement().satisfies(mail -> {
                assertThat(mail.to()).isEqualTo("ann@example.com");
                assertThat(RESET_KEY.matcher(mail.text()).find()).isTrue();
            });
        }

        @Test
        void sets_the_new_password_with_the_mailed_key_and_revokes_old_tokens() {
            String oldToken = registered(acme, "ann@example.com");
            acme.post("/password-reset/init", "{\"email\": \"ann@example.com\"}").ok();

            JsonNode body = confirm(requestedKey("ann@example.com"), "a brand new secret").ok();

            assertThat(body.path("success").asBoolean()).isTrue();
            logIn(acme, "ann@example.com", "a brand new secret").ok();
            logIn(acme, "ann@example.com", PASSWORD).error(401, "credentials_invalid");
            acme.bearer(oldToken).post("/logout").error(401, "not_authenticated");
        }

        @Test
        void refuses_a_key_used_twice() {
            registered(acme, "ann@example.com");
            acme.post("/password-reset/init", "{\"email\": \"ann@example.com\"}").ok();
            String key = requestedKey("ann@example.com");
            confirm(key, "a brand new secret").ok();

            JsonNode error = confirm(key, "another new secret").error(400, "reset_key_invalid");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("confirm_key");
            logIn(acme, "ann@example.com", "a brand new secret").ok();
        }

        @Test
        void refuses_a_key_older_than_an_hour() {
            registered(acme, "ann@example.com");
            acme.post("/password-reset/init", "{\"email\": \"ann@example.com\"}").ok();
            String key = requestedKey("ann@example.com");

            server.clock().advance(Duration.ofHours(1).plusSeconds(1));

            confirm(key, "a brand new secret").error(400, "reset_key_invalid");
            logIn(acme, "ann@example.com", PASSWORD).ok();
        }

        @Test
        void refuses_a_weak_new_password_and_keeps_the_key_usable() {
            registered(acme, "ann@example.com");
            acme.post("/password-reset/init", "{\"email\": \"ann@example.com\"}").ok();
            String key = requestedKey("ann@example.com");

            JsonNode error = confirm(key, "short").error(400, "password_too_short");

            assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("password");
            confirm(key, "a brand new secret").ok();
        }

        @Test
        void refuses_an_unknown_key_and_a_key_of_another_tenant() {
            registered(server.tenant("other"), "ann@example.com");
            server.tenant("other").post("/password-reset/init", "{\"email\": \"ann@example.com\"}").ok();
            String otherKey = requestedKey("ann@example.com");

            confirm("no-such-key", "a brand new secret").error(400, "reset_key_invalid");
            confirm(otherKey, "a brand new secret").error(400, "reset_key_invalid");
        }

        @Test
        void refuses_a_malformed_email_but_not_an_unknown_one() {
            acme.post("/password-reset/init", "{\"email\": \"not-an-email\"}").error(400, "email_invalid");
            acme.post("/password-reset/init", "{}").error(400, "field_required");
        }
    }
}
