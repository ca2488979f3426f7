package com.subscriptionsuite.bootstrap.mail;

import com.subscriptionsuite.application.port.out.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each mail to an SMTP server (Jakarta Mail, Eclipse Angus), one connection per mail, as a
 * {@code text/plain; charset=UTF-8} message with a UTF-8 (RFC 2047) subject and the mail's
 * language as {@code Content-Language}. Connecting, and each read and write, is limited by
 * {@link SmtpSettings#timeout()}, so a server that is down or silent costs about one timeout
 * (resolving the host name is not covered by it). A mail that cannot be handed over (server
 * unreachable, login refused, recipient address invalid or refused) is logged as a warning, with
 * host, port, tenant and the exception chain but neither password nor recipient, and reported as
 * {@code false}.
 */
public final class SmtpMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    /** @throws IllegalArgumentException when {@code settings.from()} is not a valid address */
    public SmtpMailer(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
        this.from = sender(settings.from());
    }

    /** Parsed once; a display name with non-ASCII letters ("Müller GmbH") is RFC 2047 encoded. */
    private static InternetAddress sender(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getPersonal() != null) {
                address.setPersonal(address.getPersonal(), UTF_8);
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("invalid sender address: " + from, e);
        }
    }

    private static Properties properties(SmtpSettings settings) {
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        if (settings.startTls()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        p.setProperty("mail.mime.charset", UTF_8);
        return p;
    }

    @Override
    public boolean send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(oneLine(mail.subject()), UTF_8);
            message.setText(mail.text(), UTF_8);
            message.setSentDate(new Date());
            if (mail.language() != null && !mail.language().isBlank()) {
                message.setContentLanguage(new String[] {oneLine(mail.language())});
            }
            if (settings.authenticates()) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
            return true;
        } catch (MessagingException e) {
            // The exception names host, port and the server's reply; the password is in neither.
            LOG.warn("mail for tenant {} not sent via {}:{}: {}", mail.tenantId(), settings.host(), settings.port(),
                    describe(e));
            return false;
        }
    }

    /** A header value is one line; a line break from a template must not start a new header. */
    private static String oneLine(String subject) {
        return subject.replaceAll("[\\r\\n]+", " ");
    }

    /** The exception chain on one line: class and message of each cause. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable current = e;
        for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getSimpleName());
            String message = current.getMessage();
            if (message != null && !message.isBlank()) {
                text.append(": ").append(message.strip().replaceAll("\\s+", " "));
            }
        }
        return text.toString();
    }
}
