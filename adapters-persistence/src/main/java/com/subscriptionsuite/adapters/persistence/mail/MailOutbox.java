package com.subscriptionsuite.adapters.persistence.mail;

import com.subscriptionsuite.adapters.persistence.Handles;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the mail the {@link OutboxMailer} queued, e.g. for a command that prints the outbox. */
public final class MailOutbox {
    private final Handles handles;

    public MailOutbox(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, MailDao.class);
    }

    /** The {@code limit} newest mails, newest first. */
    public List<OutboxMail> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return handles.with(MailDao.class, dao -> dao.recent(limit)).stream()
                .map(r -> new OutboxMail(r.id(), r.tenantId(), r.recipient(), r.language(), r.subject(), r.body(),
                        r.createdAt()))
                .toList();
    }

    /** One queued mail. */
    public record OutboxMail(long id, long tenantId, String to, String language, String subject, String text,
            Instant createdAt) {
    }
}
