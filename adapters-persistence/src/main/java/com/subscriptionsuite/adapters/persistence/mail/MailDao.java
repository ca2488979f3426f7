package com.subscriptionsuite.adapters.persistence.mail;

import com.subscriptionsuite.adapters.persistence.UtcInstants;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code mail_outbox} table. */
@RegisterArgumentFactory(UtcInstants.Binding.class)
@RegisterColumnMapper(UtcInstants.Reading.class)
@RegisterConstructorMapper(MailDao.MailRow.class)
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
