package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.billing.InvoiceDiscrepancies;
import com.subscriptionsuite.domain.billing.InvoiceDiscrepancy;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * {@link InvoiceDiscrepancies} in {@code invoice_discrepancy} (migration {@code V11__invoice_discrepancy}).
 * {@link #record} joins the running unit (the checkout's last); an invoice is kept once (a repeated
 * commit of the same checkout cannot happen, the unique key makes sure). Amounts are read back at
 * their currency's scale; instants are bound as UTC and kept to the microsecond.
 */
public final class JdbiInvoiceDiscrepancies implements InvoiceDiscrepancies {
    private final Handles handles;

    public JdbiInvoiceDiscrepancies(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void record(InvoiceDiscrepancy d) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO invoice_discrepancy (tenant_id, user_id, operation_key, invoice_id, invoice_number,
                                                         currency, previewed, invoiced, booked_at)
                        VALUES (:tenantId, :userId, :operation, :invoiceId, :invoiceNumber, :currency, :previewed,
                                :invoiced, :bookedAt)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("tenantId", d.tenantId())
                .bind("userId", d.userId())
                .bind("operation", d.operation())
                .bind("invoiceId", d.invoiceId())
                .bind("invoiceNumber", d.invoiceNumber())
                .bind("currency", d.previewed().getCurrencyUnit().getCode())
                .bind("previewed", d.previewed().getAmount())
                .bind("invoiced", d.invoiced().getAmount())
                .bind("bookedAt", d.at().truncatedTo(ChronoUnit.MICROS))
                .execute());
    }

    @Override
    public long count(long tenantId) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM invoice_discrepancy WHERE tenant_id = :tenantId")
                .bind("tenantId", tenantId).mapTo(Long.class).one());
    }

    @Override
    public List<InvoiceDiscrepancy> latest(long tenantId, int limit) {
        return handles.with(handle -> handle.createQuery("""
                        SELECT tenant_id, user_id, operation_key, invoice_id, invoice_number, currency, previewed,
                               invoiced, booked_at
                          FROM invoice_discrepancy
                         WHERE tenant_id = :tenantId
                         ORDER BY booked_at DESC, id DESC
                         LIMIT :limit
                        """)
                .bind("tenantId", tenantId)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    CurrencyUnit currency = CurrencyUnit.of(rs.getString("currency"));
                    return new InvoiceDiscrepancy(rs.getLong("tenant_id"), rs.getLong("user_id"),
                            rs.getString("operation_key"), rs.getString("invoice_id"), rs.getString("invoice_number"),
                            Money.of(currency, rs.getBigDecimal("previewed"), RoundingMode.UNNECESSARY),
                            Money.of(currency, rs.getBigDecimal("invoiced"), RoundingMode.UNNECESSARY),
                            rs.getObject("booked_at", OffsetDateTime.class).toInstant());
                })
                .list());
    }
}
