package com.subscriptionsuite.adapters.persistence.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code payment_method} and {@code payment_method_data} tables. */
interface PaymentMethodDao {

    record MethodRow(long tenantId, String id, long userId, String paymentType, String status, Instant createdAt,
            String billingId) {
    }

    record DataRow(long tenantId, String paymentMethodId, int position, String dataKey, String dataValue) {
    }

    @SqlQuery("""
            SELECT tenant_id, id, user_id, payment_type, status, created_at, billing_id
              FROM payment_method
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<MethodRow> method(@Bind("tenantId") long tenantId, @Bind("id") String id);

    @SqlQuery("""
            SELECT tenant_id, id, user_id, payment_type, status, created_at, billing_id
              FROM payment_method
             WHERE tenant_id = :tenantId AND billing_id = :billingId
            """)
    Optional<MethodRow> methodByBillingId(@Bind("tenantId") long tenantId, @Bind("billingId") String billingId);

    @SqlQuery("""
            SELECT tenant_id, payment_method_id, position, data_key, data_value
              FROM payment_method_data
             WHERE tenant_id = :tenantId AND payment_method_id = :id
             ORDER BY position
            """)
    List<DataRow> data(@Bind("tenantId") long tenantId, @Bind("id") String id);

    /** Updates what may change (status, billing id); 0 when the method is new. */
    @SqlUpdate("""
            UPDATE payment_method
               SET status = :status, billing_id = :billingId
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int updateStatus(@BindMethods MethodRow row);

    @SqlUpdate("""
            INSERT INTO payment_method (tenant_id, id, user_id, payment_type, status, created_at, billing_id)
            VALUES (:tenantId, :id, :userId, :paymentType, :status, :createdAt, :billingId)
            """)
    void insert(@BindMethods MethodRow row);

    @SqlUpdate("""
            DELETE FROM payment_method_data
             WHERE tenant_id = :tenantId AND payment_method_id = :id
            """)
    void deleteData(@Bind("tenantId") long tenantId, @Bind("id") String id);

    @SqlBatch("""
            INSERT INTO payment_method_data (tenant_id, payment_method_id, position, data_key, data_value)
            VALUES (:tenantId, :paymentMethodId, :position, :dataKey, :dataValue)
            """)
    void insertData(@BindMethods List<DataRow> rows);
}
