package com.subscriptionsuite.adapters.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestDatabases;
import com.subscriptionsuite.adapters.persistence.mail.MailOutbox.OutboxMail;
import com.subscriptionsuite.application.port.out.Mailer.Mail;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox mailer and its reader on H2 and on PostgreSQL. */
class OutboxMailerIT {
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    @TempDir
    Path dataDir;

    /** A clock that moves one second per reading. */
    private static Clock ticking() {
        return new Clock() {
            private int ticks;

            @Override
            public synchronized Instant instant() {
                return T0.plusSeconds(ticks++);
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_sent_mail_is_read_back_from_the_outbox_with_every_character_intact(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            OutboxMailer mailer = new OutboxMailer(database.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));
            String text = """
                    Guten Tag Jürgen Öztürk,

                    Ihr Passwort für „Grüße & Söhne“ setzen Sie hier zurück (gültig 1 Stunde): \
                    https://shop.example/reset?key=äöüß€
                    — ÄÖÜ ß 😀 ✓
                    """;

            boolean accepted = mailer.send(new Mail(7, "jürgen@exämple.de", "de", "Passwort zurücksetzen – Grüße",
                    text));

            assertThat(accepted).isTrue();
            List<OutboxMail> mails = new MailOutbox(database.jdbi()).recent(10);
            assertThat(mails).hasSize(1);
            OutboxMail mail = mails.get(0);
            assertThat(mail).isEqualTo(new OutboxMail(mail.id(), 7, "jürgen@exämple.de", "de",
                    "Passwort zurücksetzen – Grüße", text, T0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void recent_lists_the_newest_mails_first_up_to_the_limit(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            OutboxMailer mailer = new OutboxMailer(database.jdbi(), ticking());
            for (int i = 1; i <= 5; i++) {
                mailer.send(new Mail(1, "user" + i + "@example.com", null, "Mail " + i, "Text " + i));
            }
            MailOutbox outbox = new MailOutbox(database.jdbi());

            assertThat(outbox.recent(3)).extracting(OutboxMail::subject).containsExactly("Mail 5", "Mail 4", "Mail 3");
            assertThat(outbox.recent(3)).extracting(OutboxMail::createdAt)
                    .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3), T0.plusSeconds(2));
            assertThat(outbox.recent(10)).hasSize(5).extracting(OutboxMail::language).containsOnlyNulls();
            assertThat(outbox.recent(0)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keeps_mail_of_a_tenant_the_database_does_not_know(TestDatabases.Kind kind) {
        try (Database database = kind.open(dataDir)) {
            OutboxMailer mailer = new OutboxMailer(database.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));

            assertThat(mailer.send(new Mail(99, "ann@example.com", "en", "Hello", "Text"))).isTrue();

            assertThat(new MailOutbox(database.jdbi()).recent(1)).extracting(OutboxMail::tenantId).containsExactly(99L);
        }
    }
}
