package com.subscriptionsuite.adapters.persistence.mail;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.Mailer;
import java.time.Clock;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Mailer} that writes each mail to the {@code mail_outbox} table (schema
 * {@code V2__identity}) instead of sending it: the embedded default, read back through
 * {@link MailOutbox}. Inside a unit of work ({@code JdbiTransactions}) the mail is part of it and
 * rolls back with it, so no mail announces what did not happen.
 */
public final class OutboxMailer implements Mailer {
    private final Handles handles;
    private final Clock clock;

    public OutboxMailer(Jdbi jdbi, Clock clock) {
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, MailDao.class);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues the mail; always true (a database failure is an outage and throws). */
    @Override
    public boolean send(Mail mail) {
        handles.with(MailDao.class, dao -> {
            dao.insert(mail.tenantId(), mail.to(), mail.language(), mail.subject(), mail.text(), clock.instant());
            return null;
        });
        return true;
    }
}
