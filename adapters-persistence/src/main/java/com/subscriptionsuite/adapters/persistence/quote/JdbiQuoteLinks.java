package com.subscriptionsuite.adapters.persistence.quote;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.quote.QuoteLinks;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link QuoteLinks} in {@code quote_link} (migration {@code V14__quotes}), one row per link under
 * the primary key (tenant, guid hash): a lookup is one equality on the fixed-length hash through the
 * primary key's index, the same work for a hash that is there and one that is not.
 * <p>
 * {@link #claim} is a conditional {@code UPDATE ... WHERE claimed_by IS NULL} in a transaction of its
 * own: on PostgreSQL and H2 a second claimer waits for the first's row lock and then finds the row
 * claimed, so two instances confirming one quote at once get one claimant. {@link #booked} joins the
 * unit of work of the booking it records.
 */
public final class JdbiQuoteLinks implements QuoteLinks {
    private static final String COLUMNS = """
            tenant_id, guid_hash, source_id, created_at, claimed_by, subscription_ids, booked_at, marked_at""";

    private final Handles handles;

    public JdbiQuoteLinks(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void add(QuoteLink link) {
        handles.with(handle -> handle.createUpdate("""
                        INSERT INTO quote_link (tenant_id, guid_hash, source_id, created_at)
                        VALUES (:tenantId, :guidHash, :sourceId, :createdAt)
                        """)
                .bind("tenantId", link.tenantId()).bind("guidHash", link.guidHash())
                .bind("sourceId", link.sourceId()).bind("createdAt", link.createdAt()).execute());
    }

    @Override
    public Option<QuoteLink> find(long tenantId, String guidHash) {
        return handles.with(handle -> Option.ofOptional(handle.createQuery("SELECT " + COLUMNS + """
                         FROM quote_link WHERE tenant_id = :tenantId AND guid_hash = :guidHash
                        """)
                .bind("tenantId", tenantId).bind("guidHash", guidHash)
                .map((rs, ctx) -> row(rs)).findOne()));
    }

    @Override
    public long claim(long tenantId, String guidHash, long userId, Instant at) {
        return handles.with(handle -> {
            Handles.waitingForLock(() -> handle.createUpdate("""
                            UPDATE quote_link SET claimed_by = :userId, claimed_at = :at
                             WHERE tenant_id = :tenantId AND guid_hash = :guidHash AND claimed_by IS NULL
                            """)
                    .bind("userId", userId).bind("at", at).bind("tenantId", tenantId)
                    .bind("guidHash", guidHash).execute());
            return handle.createQuery("""
                            SELECT claimed_by FROM quote_link WHERE tenant_id = :tenantId AND guid_hash = :guidHash
                            """)
                    .bind("tenantId", tenantId).bind("guidHash", guidHash).mapTo(Long.class).one();
        });
    }

    @Override
    public void release(long tenantId, String guidHash, long userId) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE quote_link SET claimed_by = NULL, claimed_at = NULL
                         WHERE tenant_id = :tenantId AND guid_hash = :guidHash AND claimed_by = :userId
                           AND booked_at IS NULL
                        """)
                .bind("tenantId", tenantId).bind("guidHash", guidHash).bind("userId", userId).execute());
    }

    @Override
    public void booked(long tenantId, String guidHash, long userId, List<String> subscriptionIds, Instant at) {
        int rows = handles.with(handle -> handle.createUpdate("""
                        UPDATE quote_link SET subscription_ids = :ids, booked_at = COALESCE(booked_at, :at)
                         WHERE tenant_id = :tenantId AND guid_hash = :guidHash AND claimed_by = :userId
                        """)
                .bind("ids", String.join(",", subscriptionIds)).bind("at", at).bind("tenantId", tenantId)
                .bind("guidHash", guidHash).bind("userId", userId).execute());
        if (rows != 1) {
            throw new IllegalStateException("quote link of tenant " + tenantId + " is not claimed by user " + userId
                    + ": its booking is not recorded");
        }
    }

    @Override
    public void marked(long tenantId, String guidHash, Instant at) {
        handles.with(handle -> handle.createUpdate("""
                        UPDATE quote_link SET marked_at = :at
                         WHERE tenant_id = :tenantId AND guid_hash = :guidHash AND marked_at IS NULL
                        """)
                .bind("at", at).bind("tenantId", tenantId).bind("guidHash", guidHash).execute());
    }

    @Override
    public List<QuoteLink> bookedUnmarked(int limit) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + """
                         FROM quote_link WHERE marked_at IS NULL AND booked_at IS NOT NULL
                         ORDER BY booked_at, tenant_id, guid_hash
                         LIMIT :limit
                        """)
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    private static QuoteLink row(ResultSet rs) throws SQLException {
        long claimedBy = rs.getLong("claimed_by");
        Option<Long> claimant = rs.wasNull() ? Option.none() : Option.some(claimedBy);
        String ids = rs.getString("subscription_ids");
        return new QuoteLink(rs.getLong("tenant_id"), rs.getString("guid_hash"), rs.getString("source_id"),
                instant(rs, "created_at"), claimant,
                ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")),
                Option.of(instant(rs, "booked_at")), Option.of(instant(rs, "marked_at")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
