package com.subscriptionsuite.adapters.persistence.vat;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code vat_check} table. */
interface VatCheckDao {

    record CheckRow(long tenantId, long userId, String vatId, String outcome, String reason,
            String consultationNumber, String name, String address, Instant checkedAt) {
    }

    @SqlUpdate("""
            INSERT INTO vat_check (tenant_id, user_id, vat_id, outcome, reason, consultation_number, name, address,
                                   checked_at)
            VALUES (:tenantId, :userId, :vatId, :outcome, :reason, :consultationNumber, :name, :address, :checkedAt)
            """)
    void insert(@BindMethods CheckRow row);

    /** The most recent check; of checks at the same instant, the one stored last. */
    @SqlQuery("""
            SELECT tenant_id, user_id, vat_id, outcome, reason, consultation_number, name, address, checked_at
              FROM vat_check
             WHERE tenant_id = :tenantId AND vat_id = :vatId
             ORDER BY checked_at DESC, id DESC
             FETCH FIRST 1 ROWS ONLY
            """)
    Optional<CheckRow> latest(@Bind("tenantId") long tenantId, @Bind("vatId") String vatId);
}
