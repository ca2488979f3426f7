package com.subscriptionsuite.adapters.persistence.revenue;

import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchDetail;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchPage;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchSummary;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.ErrorView;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.LineView;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link RevenueBatches} in {@code revenue_line}, {@code revenue_batch} and {@code revenue_error}
 * (migration {@code V13__revenue_feed}). Every method is one short transaction of its own.
 * <p>
 * Recording is {@code INSERT ... ON CONFLICT DO NOTHING} (the unique key is (tenant_id, source_id)), so concurrent
 * recordings of one source id record it once. {@link #open} selects the free lines with
 * {@code FOR UPDATE SKIP LOCKED} (both PostgreSQL and H2 2.x have it) and then sets their batch only
 * where it is still unset, so two instances opening batches at once never share a line. Claims are a
 * compare-and-set on {@code (status, version)} with a lease; every write after names the version.
 */
public final class JdbiRevenueBatches implements RevenueBatches {
    private static final String LINE_COLUMNS = "id, source_id, kind, order_number, line_number, customer_number,"
            + " customer_name, suite_product, rate_plan, charge, quantity, currency, unit_list_price, unit_sell_price,"
            + " extended_list_price, extended_sell_price, tax_amount, booked_on, starts_on, ends_on, status";
    private static final String BATCH_COLUMNS = "b.id, b.tenant_id, b.status, b.version, b.uploads, b.filename,"
            + " b.upload_id, b.line_count, b.error_code, b.error_message, b.created_at, b.updated_at,"
            + " (SELECT COUNT(*) FROM revenue_line l WHERE l.batch_id = b.id AND l.status = 'ERROR') AS in_error";

    private final Jdbi jdbi;

    public JdbiRevenueBatches(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public int record(long tenantId, List<RevenueLine> lines, Instant at) {
        if (lines.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO revenue_line (tenant_id, source_id, kind, order_number, line_number, customer_number,
                        customer_name, suite_product, rate_plan, charge, quantity, currency, unit_list_price,
                        unit_sell_price, extended_list_price, extended_sell_price, tax_amount, booked_on, starts_on,
                        ends_on, recorded_at, status)
                    VALUES (:tenant, :source, :kind, :order, :line, :customer, :customerName, :product, :ratePlan,
                        :charge, :quantity, :currency, :unitList, :unitSell, :extList, :extSell, :tax, :booked,
                        :starts, :ends, :at, 'PENDING')
                    ON CONFLICT DO NOTHING""");
            for (RevenueLine l : lines) {
                batch.bind("tenant", tenantId).bind("source", l.sourceId()).bind("kind", l.kind().name())
                        .bind("order", l.orderNumber()).bind("line", l.lineNumber())
                        .bind("customer", l.customerNumber()).bind("customerName", l.customerName())
                        .bind("product", l.suiteProduct()).bind("ratePlan", l.ratePlan()).bind("charge", l.charge())
                        .bind("quantity", l.quantity()).bind("currency", l.currency())
                        .bind("unitList", l.unitListPrice()).bind("unitSell", l.unitSellPrice())
                        .bind("extList", l.extendedListPrice()).bind("extSell", l.extendedSellPrice())
                        .bind("tax", l.taxAmount()).bind("booked", l.bookedOn()).bind("starts", l.startsOn())
                        .bind("ends", l.endsOn()).bind("at", micros(at)).add();
            }
            int inserted = 0;
            for (int count : batch.execute()) {
                inserted += Math.max(0, count);
            }
            return inserted;
        });
    }

    @Override
    public List<Long> tenantsWithUnbatchedLines() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT DISTINCT tenant_id FROM revenue_line WHERE batch_id IS NULL ORDER BY tenant_id")
                .mapTo(Long.class).list());
    }

    @Override
    public Option<Long> open(long tenantId, int maxLines, Instant now) {
        return jdbi.inTransaction(h -> {
            List<Long> ids = h.createQuery("""
                    SELECT id FROM revenue_line WHERE tenant_id = :tenant AND batch_id IS NULL
                    ORDER BY id LIMIT :max FOR UPDATE SKIP LOCKED""")
                    .bind("tenant", tenantId).bind("max", maxLines).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return Option.<Long>none();
            }
            long batchId = h.createUpdate("""
                    INSERT INTO revenue_batch (tenant_id, status, version, uploads, line_count, created_at, updated_at)
                    VALUES (:tenant, 'QUEUED', 0, 0, 0, :now, :now)""")
                    .bind("tenant", tenantId).bind("now", micros(now))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int taken = h.createUpdate("""
                    UPDATE revenue_line SET batch_id = :batch
                    WHERE tenant_id = :tenant AND batch_id IS NULL AND id IN (<ids>)""")
                    .bind("batch", batchId).bind("tenant", tenantId).bindList("ids", ids).execute();
            if (taken == 0) {
                h.createUpdate("DELETE FROM revenue_batch WHERE id = :batch").bind("batch", batchId).execute();
                return Option.<Long>none();
            }
            h.createUpdate("UPDATE revenue_batch SET line_count = :n WHERE id = :batch")
                    .bind("n", taken).bind("batch", batchId).execute();
            return Option.some(batchId);
        });
    }

    @Override
    public List<BatchRef> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT tenant_id, id, status, version, uploads, filename, upload_id FROM revenue_batch
                WHERE (status = 'QUEUED' AND (lease_until IS NULL OR lease_until < :now))
                   OR (status = 'UPLOADING' AND lease_until < :now)
                   OR (status = 'STAGED' AND (lease_until IS NULL OR lease_until < :now)
                       AND (check_at IS NULL OR check_at <= :now))
                ORDER BY id LIMIT :limit""")
                .bind("now", micros(now)).bind("limit", limit)
                .map((rs, ctx) -> new BatchRef(rs.getLong("tenant_id"), rs.getLong("id"),
                        BatchStatus.valueOf(rs.getString("status")), rs.getLong("version"), rs.getInt("uploads"),
                        rs.getString("filename"), nullableLong(rs, "upload_id")))
                .list());
    }

    @Override
    public Option<Long> claim(BatchRef seen, Instant now, Instant leaseUntil) {
        int claimed = jdbi.inTransaction(h -> h.createUpdate("""
                UPDATE revenue_batch SET version = version + 1, lease_until = :until, updated_at = :now
                WHERE id = :id AND version = :version AND status = :status
                  AND (lease_until IS NULL OR lease_until < :now)""")
                .bind("until", micros(leaseUntil)).bind("now", micros(now)).bind("id", seen.id())
                .bind("version", seen.version()).bind("status", seen.status().name()).execute());
        return claimed == 1 ? Option.some(seen.version() + 1) : Option.none();
    }

    @Override
    public List<StoredLine> unposted(long batchId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LINE_COLUMNS
                + " FROM revenue_line WHERE batch_id = :batch AND status <> 'POSTED' ORDER BY order_number, line_number, id")
                .bind("batch", batchId)
                .map((rs, ctx) -> new StoredLine(rs.getLong("id"), line(rs), rs.getString("status"))).list());
    }

    @Override
    public boolean uploading(long batchId, long version, String filename, String csv, Instant now) {
        return write(batchId, version, """
                UPDATE revenue_batch SET status = 'UPLOADING', uploads = uploads + 1, filename = :filename,
                    csv = :csv, upload_id = NULL, updated_at = :now
                WHERE id = :id AND version = :version""", h -> h.bind("filename", filename).bind("csv", csv), now);
    }

    @Override
    public boolean staged(long batchId, long version, long uploadId, Instant checkAt, Instant now) {
        return write(batchId, version, """
                UPDATE revenue_batch SET status = 'STAGED', upload_id = :upload, check_at = :checkAt,
                    updated_at = :now
                WHERE id = :id AND version = :version""",
                u -> u.bind("upload", uploadId).bind("checkAt", micros(checkAt)), now);
    }

    @Override
    public boolean checkLater(long batchId, long version, Instant checkAt, Instant now) {
        return write(batchId, version, """
                UPDATE revenue_batch SET lease_until = NULL, check_at = :checkAt, updated_at = :now
                WHERE id = :id AND version = :version""", u -> u.bind("checkAt", micros(checkAt)), now);
    }

    @Override
    public boolean loaded(long batchId, long version, List<ErrorRecord> errors, Instant now) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE revenue_batch SET status = 'LOADED', lease_until = NULL, check_at = NULL,
                        error_code = :code, error_message = :message, updated_at = :now
                    WHERE id = :id AND version = :version""")
                    .bind("code", errors.isEmpty() ? null : "revenue_stage_errors")
                    .bind("message", errors.isEmpty() ? null : truncate(errors.size()
                            + " line(s) refused in staging; first: " + errors.get(0).message()))
                    .bind("now", micros(now)).bind("id", batchId).bind("version", version).execute();
            if (updated == 0) {
                return false;
            }
            keep(h, batchId, errors, now);
            // the lines this upload carried (all not POSTED), then those an error names, then the rest
            h.createUpdate("UPDATE revenue_line SET status = 'PENDING' WHERE batch_id = :batch AND status = 'ERROR'")
                    .bind("batch", batchId).execute();
            for (ErrorRecord e : errors) {
                Integer line = lineNumber(e.lineNumber());
                if (e.orderNumber() != null && line != null) {
                    h.createUpdate("""
                            UPDATE revenue_line SET status = 'ERROR'
                            WHERE batch_id = :batch AND status = 'PENDING' AND order_number = :order
                              AND line_number = :line""")
                            .bind("batch", batchId).bind("order", e.orderNumber()).bind("line", line).execute();
                }
            }
            h.createUpdate("UPDATE revenue_line SET status = 'POSTED' WHERE batch_id = :batch AND status = 'PENDING'")
                    .bind("batch", batchId).execute();
            return true;
        });
    }

    @Override
    public boolean failed(long batchId, long version, String code, ErrorRecord error, Instant now) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE revenue_batch SET status = 'FAILED', lease_until = NULL, check_at = NULL,
                        error_code = :code, error_message = :message, updated_at = :now
                    WHERE id = :id AND version = :version""")
                    .bind("code", code).bind("message", truncate(error.message())).bind("now", micros(now))
                    .bind("id", batchId).bind("version", version).execute();
            if (updated == 0) {
                return false;
            }
            keep(h, batchId, List.of(error), now);
            return true;
        });
    }

    @Override
    public boolean inDoubt(long batchId, long version, String reason, Instant now) {
        return write(batchId, version, """
                UPDATE revenue_batch SET status = 'IN_DOUBT', lease_until = NULL, error_code = 'revenue_upload_in_doubt',
                    error_message = :message, updated_at = :now
                WHERE id = :id AND version = :version""", u -> u.bind("message", truncate(reason)), now);
    }

    @Override
    public boolean requeue(long batchId, long version, String code, String reason, Instant now) {
        return write(batchId, version, """
                UPDATE revenue_batch SET status = 'QUEUED', lease_until = NULL, filename = NULL, upload_id = NULL,
                    error_code = :code, error_message = :message, updated_at = :now
                WHERE id = :id AND version = :version""",
                u -> u.bind("code", code).bind("message", truncate(reason)), now);
    }

    @Override
    public BatchPage page(long tenantId, int page, int pageSize) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM revenue_batch WHERE tenant_id = :tenant")
                    .bind("tenant", tenantId).mapTo(Long.class).one();
            List<BatchSummary> batches = h.createQuery("SELECT " + BATCH_COLUMNS
                    + " FROM revenue_batch b WHERE b.tenant_id = :tenant ORDER BY b.id DESC LIMIT :size OFFSET :offset")
                    .bind("tenant", tenantId).bind("size", pageSize).bind("offset", (long) (page - 1) * pageSize)
                    .map((rs, ctx) -> summary(rs)).list();
            return new BatchPage(batches, page, pageSize, total);
        });
    }

    @Override
    public Option<BatchDetail> detail(long tenantId, long batchId) {
        return jdbi.withHandle(h -> summary(h, tenantId, batchId).map(summary -> new BatchDetail(summary,
                h.createQuery("SELECT " + LINE_COLUMNS
                        + " FROM revenue_line WHERE batch_id = :batch ORDER BY order_number, line_number, id")
                        .bind("batch", batchId).map((rs, ctx) -> {
                            RevenueLine l = line(rs);
                            return new LineView(l.sourceId(), l.kind().name(), l.orderNumber(), l.lineNumber(),
                                    l.customerNumber(), l.suiteProduct(), l.quantity(), l.currency(),
                                    l.extendedSellPrice(), l.bookedOn(), rs.getString("status"));
                        }).list(),
                h.createQuery("""
                        SELECT upload_no, kind, order_number, line_number, message, recorded_at FROM revenue_error
                        WHERE batch_id = :batch ORDER BY id""")
                        .bind("batch", batchId)
                        .map((rs, ctx) -> new ErrorView(rs.getInt("upload_no"), rs.getString("kind"),
                                rs.getString("order_number"), rs.getString("line_number"), rs.getString("message"),
                                instant(rs, "recorded_at"))).list())));
    }

    @Override
    public Option<Option<String>> csv(long tenantId, long batchId) {
        return jdbi.withHandle(h -> Option.ofOptional(h.createQuery(
                "SELECT csv FROM revenue_batch WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", batchId)
                .map((rs, ctx) -> Option.of(rs.getString("csv"))).findOne()));
    }

    @Override
    public Option<Reposted> repost(long tenantId, long batchId, Instant now) {
        return jdbi.inTransaction(h -> {
            int queued = h.createUpdate("""
                    UPDATE revenue_batch SET status = 'QUEUED', version = version + 1, lease_until = NULL,
                        check_at = NULL, filename = NULL, upload_id = NULL, updated_at = :now
                    WHERE tenant_id = :tenant AND id = :id
                      AND (status IN ('FAILED', 'IN_DOUBT') OR (status = 'LOADED' AND EXISTS (
                          SELECT 1 FROM revenue_line l WHERE l.batch_id = revenue_batch.id AND l.status = 'ERROR')))""")
                    .bind("now", micros(now)).bind("tenant", tenantId).bind("id", batchId).execute();
            return summary(h, tenantId, batchId).map(s -> new Reposted(queued == 1, s));
        });
    }

    @Override
    public Option<Reposted> confirm(long tenantId, long batchId, Instant now) {
        return jdbi.inTransaction(h -> {
            int confirmed = h.createUpdate("""
                    UPDATE revenue_batch SET status = 'LOADED', version = version + 1, lease_until = NULL,
                        error_code = 'revenue_confirmed_by_admin', error_message = :message, updated_at = :now
                    WHERE tenant_id = :tenant AND id = :id AND status = 'IN_DOUBT'""")
                    .bind("message", "an admin found the upload in Zuora Revenue; its staging errors, if any, are"
                            + " there").bind("now", micros(now)).bind("tenant", tenantId).bind("id", batchId).execute();
            if (confirmed == 1) {
                h.createUpdate("UPDATE revenue_line SET status = 'POSTED' WHERE batch_id = :batch AND status <> 'POSTED'")
                        .bind("batch", batchId).execute();
            }
            return summary(h, tenantId, batchId).map(s -> new Reposted(confirmed == 1, s));
        });
    }

    // ---- helpers ----------------------------------------------------------------------------

    private boolean write(long batchId, long version, String sql,
            java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Update> binds, Instant now) {
        return jdbi.inTransaction(h -> binds.apply(h.createUpdate(sql)).bind("now", micros(now)).bind("id", batchId)
                .bind("version", version).execute()) == 1;
    }

    private static void keep(Handle h, long batchId, List<ErrorRecord> errors, Instant now) {
        for (ErrorRecord e : errors) {
            h.createUpdate("""
                    INSERT INTO revenue_error (batch_id, upload_no, kind, order_number, line_number, message, recorded_at)
                    SELECT id, uploads, :kind, :order, :line, :message, :now FROM revenue_batch WHERE id = :batch""")
                    .bind("kind", e.kind()).bind("order", e.orderNumber()).bind("line", e.lineNumber())
                    .bind("message", truncate(e.message())).bind("now", micros(now)).bind("batch", batchId).execute();
        }
    }

    private static Option<BatchSummary> summary(Handle h, long tenantId, long batchId) {
        return Option.ofOptional(h.createQuery("SELECT " + BATCH_COLUMNS
                + " FROM revenue_batch b WHERE b.tenant_id = :tenant AND b.id = :id")
                .bind("tenant", tenantId).bind("id", batchId).map((rs, ctx) -> summary(rs)).findOne());
    }

    private static BatchSummary summary(ResultSet rs) throws SQLException {
        return new BatchSummary(rs.getLong("id"), rs.getString("status"), rs.getInt("line_count"),
                rs.getInt("in_error"), rs.getInt("uploads"), rs.getString("filename"), nullableLong(rs, "upload_id"),
                rs.getString("error_code"), rs.getString("error_message"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static RevenueLine line(ResultSet rs) throws SQLException {
        return new RevenueLine(rs.getString("source_id"), RevenueLine.Kind.valueOf(rs.getString("kind")),
                rs.getString("order_number"), rs.getInt("line_number"), rs.getString("customer_number"),
                rs.getString("customer_name"), rs.getString("suite_product"), rs.getString("rate_plan"),
                rs.getString("charge"), quantity(rs.getBigDecimal("quantity")),
                rs.getString("currency").strip(), amount(rs, "unit_list_price"), amount(rs, "unit_sell_price"),
                amount(rs, "extended_list_price"), amount(rs, "extended_sell_price"), amount(rs, "tax_amount"),
                rs.getObject("booked_on", LocalDate.class), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class));
    }

    /** An amount as stored (6 decimals) without the trailing zeros beyond its currency's 2 decimals. */
    private static java.math.BigDecimal amount(ResultSet rs, String column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    private static java.math.BigDecimal quantity(java.math.BigDecimal stored) {
        java.math.BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The instant as the database keeps it (microseconds); bound through the Jdbi's UtcInstants. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Integer lineNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }
}
