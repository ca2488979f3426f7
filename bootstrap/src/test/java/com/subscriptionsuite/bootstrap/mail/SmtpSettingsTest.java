package com.subscriptionsuite.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    private static SmtpSettings withLogin(String username, String password) {
        return new SmtpSettings("smtp.example.at", 587, username, password, true, "no-reply@example.at",
                Duration.ofSeconds(10));
    }

    @Test
    void never_shows_the_password_in_its_text_form() {
        SmtpSettings settings = withLogin("mailer", "s3cret-Pa55word");

        assertThat(settings.toString()).contains("smtp.example.at", "587", "mailer").doesNotContain("s3cret-Pa55word");
    }

    @Test
    void logs_in_only_when_a_username_is_set() {
        assertThat(withLogin("mailer", "pw").authenticates()).isTrue();
        assertThat(withLogin(null, null).authenticates()).isFalse();
        assertThat(withLogin(" ", null).authenticates()).isFalse();
    }

    @Test
    void refuses_an_impossible_port_or_timeout() {
        assertThatThrownBy(() -> new SmtpSettings("h", 0, null, null, false, "a@b.c", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("h", 25, null, null, false, "a@b.c", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_mailer_refuses_an_invalid_sender_address_at_construction() {
        SmtpSettings settings = new SmtpSettings("h", 25, null, null, false, "not an address", Duration.ofSeconds(1));

        assertThatThrownBy(() -> new SmtpMailer(settings)).isInstanceOf(IllegalArgumentException.class);
    }
}
