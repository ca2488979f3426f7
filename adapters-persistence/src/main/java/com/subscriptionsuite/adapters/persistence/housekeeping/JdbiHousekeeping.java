package com.subscriptionsuite.adapters.persistence.housekeeping;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.Housekeeping;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link Housekeeping} on the engine's tables (docs/housekeeping.md). Every step first selects at most
 * {@code limit} keys of old rows, then deletes each by its key under the same condition again (one
 * statement per key, each committing on its own). That is what makes it safe on several instances:
 * two instances may select the same keys, but a row is deleted once, the other delete finds nothing and
 * counts nothing; a row that is no longer old when its delete runs (an idempotency key claimed again
 * since) fails the condition and stays. The V16 indexes find the old rows without walking a table.
 *
 * <p>A guest is removed in one transaction of its own: its ended sessions, password resets and
 * customer lock row, then the user row under a condition that repeats every check (no live session,
 * nothing that references it). Nothing can add a reference meanwhile through the API, since a guest
 * acts only through its session (12 hours, as the guest is kept); should a row referencing it commit
 * anyway, the delete fails on the foreign key (or waits for its lock and then sees it), the
 * transaction rolls back and the guest stays.
 */
public final class JdbiHousekeeping implements Housekeeping {
    /** Foreign key violation (both databases), lock timeouts of H2 and PostgreSQL: the guest is skipped. */
    private static final Set<String> SKIP_GUEST = Set.of("23503", "HYT00", "55P03");

    private static final String ENDED_SESSION = "(expires_at <= :now OR revoked_at IS NOT NULL)";
    private static final String SPENT_PAGE_TOKEN = "(used_at IS NOT NULL OR expires_at <= :now)";
    private static final String SPENT_APPROVAL = "(approved_at IS NOT NULL OR expires_at <= :now)";
    /**
     * An expired, unconsumed hold that holds no slot of its code: one that still does (V18) gives it back
     * when its code is next full (JdbiVouchers), and must stay until then.
     */
    private static final String EXPIRED_HOLD =
            "(consumed_at IS NULL AND expires_at <= :now AND (NOT reserves OR released_at IS NOT NULL))";

    /** A guest that may go: old, no live session, nothing referencing it (u is the app_user row). */
    private static final String IDLE_GUEST = """
            u.kind = 'GUEST' AND u.created_at < :before
            AND NOT EXISTS (SELECT 1 FROM user_session s WHERE s.tenant_id = u.tenant_id AND s.user_id = u.id
                            AND s.expires_at > :now AND s.revoked_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM account_link x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM billing_account x WHERE x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM billing_operation x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM payment_method x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM payment_page_token x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM paypal_approval x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM voucher_hold x WHERE x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM voucher_redemption x WHERE x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM invoice_discrepancy x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            AND NOT EXISTS (SELECT 1 FROM quote_link x WHERE x.tenant_id = u.tenant_id AND x.claimed_by = u.id)
            AND NOT EXISTS (SELECT 1 FROM idempotency_record x WHERE x.tenant_id = u.tenant_id AND x.user_id = u.id)
            """;

    private final Jdbi jdbi;

    public JdbiHousekeeping(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public int removeEndedSessions(Instant now, int limit) {
        return removeByKey("SELECT token_hash FROM user_session WHERE " + ENDED_SESSION + " LIMIT :limit",
                "DELETE FROM user_session WHERE token_hash = :token_hash AND " + ENDED_SESSION,
                Map.of("now", now), limit);
    }

    @Override
    public int removeExpiredVoucherHolds(Instant now, int limit) {
        return removeByKey("SELECT id FROM voucher_hold WHERE " + EXPIRED_HOLD + " LIMIT :limit",
                "DELETE FROM voucher_hold WHERE id = :id AND " + EXPIRED_HOLD, Map.of("now", now), limit);
    }

    @Override
    public int removeIdempotencyRecords(Instant createdBefore, int limit) {
        return removeByKey("""
                SELECT tenant_id, user_id, idem_key FROM idempotency_record WHERE created_at < :before LIMIT :limit
                """, """
                DELETE FROM idempotency_record
                 WHERE tenant_id = :tenant_id AND user_id = :user_id AND idem_key = :idem_key AND created_at < :before
                """, Map.of("before", createdBefore), limit);
    }

    /**
     * login_failure has no key: rows are deleted by (tenant, key, instant), so two failures of one key at
     * the same microsecond go together and may take a run a row past its limit.
     */
    @Override
    public int removeLoginFailures(Instant failedBefore, int limit) {
        return removeByKey("""
                SELECT DISTINCT tenant_id, failure_key, failed_at FROM login_failure WHERE failed_at < :before
                 LIMIT :limit
                """, """
                DELETE FROM login_failure
                 WHERE tenant_id = :tenant_id AND failure_key = :failure_key AND failed_at = :failed_at
                   AND failed_at < :before
                """, Map.of("before", failedBefore), limit);
    }

    @Override
    public int removeSpentPaymentPageTokens(Instant now, int limit) {
        return removeByKey("SELECT token_hash FROM payment_page_token WHERE " + SPENT_PAGE_TOKEN + " LIMIT :limit",
                "DELETE FROM payment_page_token WHERE token_hash = :token_hash AND " + SPENT_PAGE_TOKEN,
                Map.of("now", now), limit);
    }

    @Override
    public int removeSpentPayPalApprovals(Instant now, int limit) {
        return removeByKey("SELECT token_hash FROM paypal_approval WHERE " + SPENT_APPROVAL + " LIMIT :limit",
                "DELETE FROM paypal_approval WHERE token_hash = :token_hash AND " + SPENT_APPROVAL,
                Map.of("now", now), limit);
    }

    @Override
    public int removeIdleGuests(Instant createdBefore, Instant now, int limit) {
        List<Map<String, Object>> guests = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT u.tenant_id, u.id FROM app_user u WHERE " + IDLE_GUEST + " ORDER BY u.created_at LIMIT :limit")
                .bind("before", createdBefore).bind("now", now).bind("limit", limit)
                .mapToMap().list());
        int removed = 0;
        for (Map<String, Object> guest : guests) {
            long tenantId = ((Number) guest.get("tenant_id")).longValue();
            long userId = ((Number) guest.get("id")).longValue();
            try {
                removed += jdbi.inTransaction(handle -> removeGuest(handle, tenantId, userId, createdBefore, now));
            } catch (RuntimeException e) {
                if (!SKIP_GUEST.contains(Handles.sqlState(e))) {
                    throw e;
                }
                // it gained a reference (or its lock was held) while it was removed: kept, tried again next run
            }
        }
        return removed;
    }

    /** 1 when the guest went, 0 (and nothing changed) when it no longer qualifies. */
    private static int removeGuest(Handle handle, long tenantId, long userId, Instant createdBefore, Instant now) {
        for (String sql : List.of(
                "DELETE FROM user_session WHERE tenant_id = :tenant AND user_id = :user AND " + ENDED_SESSION,
                "DELETE FROM password_reset WHERE tenant_id = :tenant AND user_id = :user",
                "DELETE FROM customer_lock WHERE tenant_id = :tenant AND user_id = :user")) {
            handle.createUpdate(sql).bind("tenant", tenantId).bind("user", userId).bind("now", now).execute();
        }
        int removed = handle.createUpdate("DELETE FROM app_user u WHERE u.tenant_id = :tenant AND u.id = :user AND "
                + IDLE_GUEST)
                .bind("tenant", tenantId).bind("user", userId).bind("before", createdBefore).bind("now", now)
                .execute();
        if (removed == 0) {
            handle.rollback();
        }
        return removed;
    }

    /** Selects at most {@code limit} keys with {@code select}, deletes each with {@code delete}; the rows deleted. */
    private int removeByKey(String select, String delete, Map<String, Object> condition, int limit) {
        return jdbi.withHandle(handle -> {
            List<Map<String, Object>> keys = handle.createQuery(select).bindMap(condition).bind("limit", limit)
                    .map((rs, ctx) -> {
                        ResultSetMetaData meta = rs.getMetaData();
                        Map<String, Object> key = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                            // instants as OffsetDateTime: bound back unchanged, whatever the JVM's zone
                            key.put(column, column.endsWith("_at") ? rs.getObject(i, OffsetDateTime.class)
                                    : rs.getObject(i));
                        }
                        return key;
                    }).list();
            if (keys.isEmpty()) {
                return 0;
            }
            PreparedBatch batch = handle.prepareBatch(delete);
            for (Map<String, Object> key : keys) {
                batch.bindMap(condition).bindMap(key).add();
            }
            int removed = 0;
            for (int count : batch.execute()) {
                removed += Math.max(count, 0);
            }
            return removed;
        });
    }

}
