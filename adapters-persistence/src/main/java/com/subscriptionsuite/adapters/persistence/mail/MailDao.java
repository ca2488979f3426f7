package com.subscriptionsuite.adapters.persistence.mail;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code mail_outbox} table. */
interface MailDao {

    record MailRow(long id, long tenantId, String recipient, String language, String subject, String body,
            Instant createdAt) {
    }

    @SqlUpdate("""
            INSERT INTO mail_outbox (tenant_id, recipient, language, subject, body, created_at)
            VALUES (:tenantId, :to, :language, :subject, :text, :createdAt)
            """)
    void insert(@Bind("tenantId") long tenantId, @Bind("to") String to, @Bind("language") String language,
            @Bind("subject") String subject, @Bind("text") String text, @Bind("createdAt") Instant createdAt);

    @SqlQuery("""
            SELECT id, tenant_id, recipient, language, subject, body, created_at
              FROM mail_outbox
             ORDER BY created_at DESC, id DESC
             LIMIT :limit
            """)
    List<MailRow> recent(@Bind("limit") int limit);
}
