package com.subscriptionsuite.adapters.persistence.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code billing_operation} table (migration {@code V10__billing_boundary}). */
interface BillingOperationDao {
    /** {@code finishedAt} is null while the operation is unfinished. */
    record OperationRow(long tenantId, String opKey, long userId, String kind, Instant startedAt, int attempts,
            Instant finishedAt) {
    }

    String COLUMNS = "tenant_id, op_key, user_id, kind, started_at, attempts, finished_at";

    /** Records a first start; 0 when the key was started before (or another transaction is starting it). */
    @SqlUpdate("""
            INSERT INTO billing_operation (tenant_id, op_key, user_id, kind, started_at, attempts)
            VALUES (:tenantId, :key, :userId, :kind, :startedAt, 1)
            ON CONFLICT DO NOTHING
            """)
    int start(@Bind("tenantId") long tenantId, @Bind("key") String key, @Bind("userId") long userId,
            @Bind("kind") String kind, @Bind("startedAt") Instant startedAt);

    /** Counts one more start of a recorded operation; 0 when there is none. */
    @SqlUpdate("""
            UPDATE billing_operation
               SET attempts = attempts + 1
             WHERE tenant_id = :tenantId AND op_key = :key
            """)
    int restart(@Bind("tenantId") long tenantId, @Bind("key") String key);

    /** Marks the operation finished at {@code at} unless it is; 0 when it is finished or unknown. */
    @SqlUpdate("""
            UPDATE billing_operation
               SET finished_at = :at
             WHERE tenant_id = :tenantId AND op_key = :key AND finished_at IS NULL
            """)
    int finish(@Bind("tenantId") long tenantId, @Bind("key") String key, @Bind("at") Instant at);

    @SqlQuery("SELECT " + COLUMNS + """
              FROM billing_operation
             WHERE tenant_id = :tenantId AND op_key = :key
            """)
    Optional<OperationRow> operation(@Bind("tenantId") long tenantId, @Bind("key") String key);

    /** Unfinished and started before {@code before}, over all tenants, oldest first. */
    @SqlQuery("SELECT " + COLUMNS + """
              FROM billing_operation
             WHERE finished_at IS NULL AND started_at < :before
             ORDER BY started_at, tenant_id, op_key
            """)
    List<OperationRow> unfinished(@Bind("before") Instant before);
}
