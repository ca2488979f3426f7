package com.subscriptionsuite.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.subscriptionsuite.application.port.out.Mailer.Mail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class SmtpMailerIT {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String USER = "mailer";
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final Duration TIMEOUT = Duration.ofMillis(1_500);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, LOOPBACK, "smtp").dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    private final Mail reset = new Mail(7, "kundin@example.at", "de", "Passwort zurücksetzen",
            "Grüß Gott,\n\nüber diesen Link setzen Sie Ihr Passwort zurück: https://shop.example.at/r/abc\n");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger mailerLogger = (Logger) LoggerFactory.getLogger(SmtpMailer.class);

    @BeforeEach
    void capture_the_log() {
        log.start();
        mailerLogger.addAppender(log);
    }

    @AfterEach
    void release_the_log() {
        mailerLogger.detachAppender(log);
    }

    private static SmtpSettings settings(int port, String username, String password) {
        return new SmtpSettings(LOOPBACK, port, username, password, false, "Müller GmbH <no-reply@shop.example.at>",
                TIMEOUT);
    }

    private static SmtpMailer mailerFor(int port) {
        return new SmtpMailer(settings(port, USER, PASSWORD));
    }

    @Test
    void delivers_a_utf8_plain_text_mail_with_subject_body_sender_and_recipient() throws Exception {
        boolean sent = mailerFor(SMTP.getSmtp().getPort()).send(reset);

        assertThat(sent).isTrue();
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Passwort zurücksetzen");
        assertThat(received.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(received.getContentType()).startsWithIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        // SMTP's end-of-data marker takes the last line break with it
        assertThat(((String) received.getContent()).replace("\r\n", "\n").stripTrailing())
                .isEqualTo(reset.text().stripTrailing());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@shop.example.at");
        assertThat(from.getPersonal()).isEqualTo("Müller GmbH");
        assertThat(received.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("kundin@example.at");
        assertThat(received.getContentLanguage()).containsExactly("de");
        assertThat(received.getSentDate()).isNotNull();
    }

    @Test
    void keeps_a_line_break_in_the_subject_from_starting_a_header() throws Exception {
        Mail injected = new Mail(7, "kundin@example.at", "de", "Hallo\r\nBcc: victim@example.com", "Text");

        assertThat(mailerFor(SMTP.getSmtp().getPort()).send(injected)).isTrue();

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Hallo Bcc: victim@example.com");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void reports_a_refused_login_without_logging_the_password() {
        SmtpMailer wrongPassword = new SmtpMailer(settings(SMTP.getSmtp().getPort(), USER, "not-" + PASSWORD));

        assertThat(wrongPassword.send(reset)).isFalse();

        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("tenant 7").doesNotContain(PASSWORD);
        });
    }

    @Test
    void reports_an_invalid_recipient_address_instead_of_throwing() {
        Mail bad = new Mail(7, "not an address", "de", "Betreff", "Text");

        assertThat(mailerFor(SMTP.getSmtp().getPort()).send(bad)).isFalse();

        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void reports_a_closed_port_as_not_sent_without_throwing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }

        boolean sent = mailerFor(closedPort).send(reset);

        assertThat(sent).isFalse();
        assertThat(log.list).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD));
    }

    /** The read timeout is applied: the mailer waits for it, then gives up instead of hanging. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void gives_up_on_a_server_that_accepts_the_connection_but_never_greets() throws IOException {
        // The kernel completes the handshake for the backlog; nobody ever reads or writes.
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(LOOPBACK, 0), 10);

            long start = System.nanoTime();
            boolean sent = mailerFor(silent.getLocalPort()).send(reset);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(sent).isFalse();
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
        }
    }
}
