package com.subscriptionsuite.adapters.persistence.tenant;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The tenant's payment options and their countries (schema {@code V7__payment_methods}). */
interface PaymentOptionDao {

    record OptionRow(long tenantId, int position, long id, String paymentType, String hostedPageId) {
    }

    record CountryRow(long tenantId, int optionPosition, int position, String country) {
    }

    @SqlQuery("""
            SELECT tenant_id, position, id, payment_type, hosted_page_id
              FROM tenant_payment_option
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<OptionRow> options(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, option_position, position, country
              FROM tenant_payment_option_country
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, option_position, position
            """)
    List<CountryRow> countries(@BindList("ids") Collection<Long> tenantIds);

    @SqlBatch("""
            INSERT INTO tenant_payment_option (tenant_id, position, id, payment_type, hosted_page_id)
            VALUES (:tenantId, :position, :id, :paymentType, :hostedPageId)
            """)
    void insertOptions(@BindMethods List<OptionRow> rows);

    @SqlBatch("""
            INSERT INTO tenant_payment_option_country (tenant_id, option_position, position, country)
            VALUES (:tenantId, :optionPosition, :position, :country)
            """)
    void insertCountries(@BindMethods List<CountryRow> rows);
}
