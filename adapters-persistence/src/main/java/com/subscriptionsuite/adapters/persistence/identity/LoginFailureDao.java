package com.subscriptionsuite.adapters.persistence.identity;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code login_failure} table. */
interface LoginFailureDao {

    /** How many failures, and the latest (null when there are none). */
    record CountRow(long failures, Instant latest) {
    }

    @SqlUpdate("""
            INSERT INTO login_failure (tenant_id, failure_key, failed_at)
            VALUES (:tenantId, :key, :at)
            """)
    void insert(@Bind("tenantId") long tenantId, @Bind("key") String key, @Bind("at") Instant at);

    @SqlQuery("""
            SELECT COUNT(*) AS failures, MAX(failed_at) AS latest
              FROM login_failure
             WHERE tenant_id = :tenantId AND failure_key = :key AND failed_at >= :since
            """)
    CountRow since(@Bind("tenantId") long tenantId, @Bind("key") String key, @Bind("since") Instant since);

    @SqlUpdate("""
            DELETE FROM login_failure
             WHERE tenant_id = :tenantId AND failure_key = :key AND failed_at < :before
            """)
    int deleteBefore(@Bind("tenantId") long tenantId, @Bind("key") String key, @Bind("before") Instant before);

    @SqlUpdate("""
            DELETE FROM login_failure
             WHERE tenant_id = :tenantId AND failure_key = :key
            """)
    int delete(@Bind("tenantId") long tenantId, @Bind("key") String key);
}
