package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * Sends mail. The embedded default writes to a persistent outbox; the SMTP adapter hands mail to a
 * mail server. {@code send} must not throw for a delivery problem of one mail: it reports it.
 */
public interface Mailer {
    /** Returns true when the mail was accepted (sent or queued), false when it could not be. */
    boolean send(Mail mail);

    /** A plain-text mail to one recipient, in the recipient's language. */
    record Mail(long tenantId, String to, String language, String subject, String text) {
        public Mail {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
        }
    }
}
