package com.subscriptionsuite.adapters.persistence.events;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.UtcInstants;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries;
import com.subscriptionsuite.application.port.out.webhooks.WebhookEndpoints;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Webhook endpoints and deliveries (migration {@code V12__business_events}; docs/webhooks.md).
 *
 * <h2>Claiming on several instances</h2>
 * {@link #claim} selects due candidates ({@code PENDING} and due, or {@code SENDING} whose claim ended
 * because its worker died), each the lowest undelivered position of its endpoint and ordering key,
 * with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 both have it: rows another worker is claiming
 * are skipped, not waited for), then marks each {@code SENDING} for the holder with a conditional
 * update on the status it was read with, so a row is claimed by one worker even where the lock was
 * not exclusive. The post runs after the claim committed; its result is recorded under the holder.
 */
public final class JdbiWebhooks implements WebhookEndpoints, WebhookDeliveries {
    private static final String COLUMNS = """
            d.id, d.tenant_id, d.endpoint, d.event_id, d.event_type, d.position, d.ordering_key, d.status,
            d.attempts, d.created_at, d.first_attempt_at, d.last_attempt_at, d.last_status, d.last_error,
            d.next_attempt_at, e.body
            """;

    private final Jdbi jdbi;
    private final Handles handles;

    public JdbiWebhooks(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.handles = new Handles(jdbi);
    }

    // ---- endpoints --------------------------------------------------------------------------------

    @Override
    public void replace(long tenantId, List<Endpoint> endpoints) {
        handles.with(handle -> {
            handle.createUpdate("DELETE FROM webhook_endpoint WHERE tenant_id = :t").bind("t", tenantId).execute();
            for (Endpoint e : endpoints) {
                handle.createUpdate("""
                        INSERT INTO webhook_endpoint (tenant_id, name, url, event_types, secret_env)
                        VALUES (:t, :name, :url, :types, :secret)
                        """).bind("t", tenantId).bind("name", e.name()).bind("url", e.url())
                        .bind("types", String.join(",", e.eventTypes().stream().sorted().toList()))
                        .bind("secret", e.secretEnv()).execute();
            }
            return null;
        });
    }

    @Override
    public List<Endpoint> endpoints(long tenantId) {
        return handles.with(handle -> handle.createQuery("""
                SELECT name, url, event_types, secret_env FROM webhook_endpoint WHERE tenant_id = :t ORDER BY name
                """).bind("t", tenantId)
                .map((rs, ctx) -> new Endpoint(tenantId, rs.getString(1), rs.getString(2), types(rs.getString(3)),
                        rs.getString(4)))
                .list());
    }

    private static Set<String> types(String text) {
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(types::add);
        return types;
    }

    // ---- deliveries -------------------------------------------------------------------------------

    @Override
    public void add(NewDelivery d) {
        handles.with(handle -> handle.createUpdate("""
                INSERT INTO webhook_delivery (tenant_id, endpoint, event_id, event_type, position, ordering_key, status,
                                              attempts, created_at, last_status, next_attempt_at)
                VALUES (:t, :endpoint, :event, :type, :position, :key, 'PENDING', 0, :at, 0, :at)
                ON CONFLICT DO NOTHING
                """)
                .bind("t", d.tenantId()).bind("endpoint", d.endpoint()).bind("event", d.eventId())
                .bind("type", d.eventType()).bind("position", d.position()).bind("key", d.orderingKey())
                .bind("at", d.createdAt()).execute());
    }

    @Override
    public List<Delivery> claim(String holder, Instant now, Duration leaseFor, int limit) {
        if (handles.joined()) {
            throw new IllegalStateException("deliveries are claimed outside a unit of work");
        }
        Instant until = now.plus(leaseFor).truncatedTo(ChronoUnit.MICROS);
        try (Handle handle = jdbi.open()) {
            List<Long> ids = handle.inTransaction(h -> {
                List<Candidate> candidates = h.createQuery("""
                        SELECT d.id, d.status FROM webhook_delivery d
                         WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= :now)
                                OR (d.status = 'SENDING' AND d.claimed_until < :now))
                           AND NOT EXISTS (SELECT 1 FROM webhook_delivery o
                                            WHERE o.tenant_id = d.tenant_id AND o.endpoint = d.endpoint
                                              AND o.ordering_key = d.ordering_key AND o.position < d.position
                                              AND o.status IN ('PENDING', 'SENDING'))
                         ORDER BY d.position, d.id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED
                        """)
                        .bind("now", now).bind("limit", limit)
                        .map((rs, ctx) -> new Candidate(rs.getLong(1), rs.getString(2))).list();
                List<Long> claimed = new ArrayList<>();
                for (Candidate c : candidates) {
                    int n = h.createUpdate("""
                            UPDATE webhook_delivery SET status = 'SENDING', holder = :holder, claimed_until = :until
                             WHERE id = :id AND status = :status
                               AND (status = 'PENDING' OR claimed_until < :now)
                            """)
                            .bind("holder", holder).bind("until", until).bind("id", c.id()).bind("status", c.status())
                            .bind("now", now).execute();
                    if (n == 1) {
                        claimed.add(c.id());
                    }
                }
                return claimed;
            });
            List<Delivery> deliveries = new ArrayList<>();
            for (long id : ids) {
                deliveries.add(select(handle, "d.id = :id", id).get(0));
            }
            return deliveries;
        }
    }

    private record Candidate(long id, String status) {
    }

    @Override
    public void delivered(long id, String holder, Instant at, int status) {
        handles.with(handle -> handle.createUpdate("""
                UPDATE webhook_delivery
                   SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at, last_status = :code,
                       last_error = NULL, first_attempt_at = COALESCE(first_attempt_at, :at),
                       holder = NULL, claimed_until = NULL
                 WHERE id = :id AND holder = :holder AND status = 'SENDING'
                """)
                .bind("at", at).bind("code", status).bind("id", id).bind("holder", holder).execute());
    }

    @Override
    public void failed(long id, String holder, Instant at, String error, Option<Instant> nextAttempt) {
        int code = error.startsWith("HTTP ") ? parseStatus(error.substring(5)) : 0;
        handles.with(handle -> handle.createUpdate("""
                UPDATE webhook_delivery
                   SET status = :status, attempts = attempts + 1, last_attempt_at = :at, last_status = :code,
                       last_error = :error, first_attempt_at = COALESCE(first_attempt_at, :at),
                       next_attempt_at = :next, holder = NULL, claimed_until = NULL
                 WHERE id = :id AND holder = :holder AND status = 'SENDING'
                """)
                .bind("status", nextAttempt.isDefined() ? "PENDING" : "FAILED").bind("at", at).bind("code", code)
                .bind("error", error).bind("next", nextAttempt.getOrElse(at)).bind("id", id).bind("holder", holder)
                .execute());
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public List<Delivery> list(long tenantId, Option<Status> status, int offset, int limit) {
        return handles.with(handle -> {
            String where = "d.tenant_id = :tenant" + (status.isDefined() ? " AND d.status = :status" : "");
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM webhook_delivery d JOIN business_event e"
                    + " ON e.event_id = d.event_id WHERE " + where + " ORDER BY d.id DESC LIMIT :limit OFFSET :offset")
                    .bind("tenant", tenantId).bind("limit", limit).bind("offset", offset);
            if (status.isDefined()) {
                query.bind("status", status.get().name());
            }
            return query.map((rs, ctx) -> row(rs, ctx)).list();
        });
    }

    @Override
    public Option<Delivery> delivery(long tenantId, long id) {
        return handles.with(handle -> {
            List<Delivery> found = select(handle, "d.id = :id AND d.tenant_id = " + tenantId, id);
            return found.isEmpty() ? Option.<Delivery>none() : Option.some(found.get(0));
        });
    }

    @Override
    public boolean resend(long tenantId, long id, Instant now) {
        return handles.with(handle -> handle.createUpdate("""
                UPDATE webhook_delivery
                   SET status = 'PENDING', next_attempt_at = :now, first_attempt_at = NULL
                 WHERE id = :id AND tenant_id = :tenant AND status = 'FAILED'
                """)
                .bind("now", now).bind("id", id).bind("tenant", tenantId).execute() == 1);
    }

    private static List<Delivery> select(Handle handle, String where, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM webhook_delivery d JOIN business_event e"
                + " ON e.event_id = d.event_id WHERE " + where).bind("id", id).map((rs, ctx) -> row(rs, ctx)).list();
    }

    private static Delivery row(ResultSet rs, StatementContext ctx) throws SQLException {
        UtcInstants.Reading instant = new UtcInstants.Reading();
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), Status.valueOf(rs.getString(8)), rs.getInt(9),
                instant.map(rs, 10, ctx), instant.map(rs, 11, ctx), instant.map(rs, 12, ctx), rs.getInt(13),
                rs.getString(14), instant.map(rs, 15, ctx), rs.getString(16));
    }
}
