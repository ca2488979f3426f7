package com.subscriptionsuite.adapters.persistence.tenant;

import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.TenantRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.VersionRow;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations;
import io.vavr.control.Option;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link Tenants} in a relational database (H2 or PostgreSQL, schema {@code V1__tenants_and_catalog}).
 *
 * <h2>Identity</h2>
 * The tenant key is the tenant's identity; the id is an attribute that must be globally unique.
 * <ul>
 *   <li>A known key stored under a new id is the same tenant, renumbered: its rows move to the new
 *       id and its version keeps counting (the old id is free afterwards).</li>
 *   <li>A new key under an id another tenant holds is another tenant clashing with that one: refused
 *       with an {@link IllegalArgumentException}, nothing changes. (The port has no failure channel;
 *       {@code DefineTenant} rejects such a definition before it gets here.)</li>
 * </ul>
 *
 * <h2>Writes</h2>
 * {@link #store} runs in one transaction: it locks the tenant row ({@code SELECT ... FOR UPDATE}),
 * so concurrent stores of the same tenant queue up, deletes every child row, rewrites the tenant
 * row with the next version and inserts the new children in batches. Two stores of a new tenant
 * race on the tenant key's unique constraint instead: the loser rolls back and retries, and then
 * finds the row to lock. Lock time-outs, deadlocks and serialization failures are retried too.
 *
 * <h2>Reads</h2>
 * A read loads each table once for all the tenants it returns (no query per item) and assembles
 * the definitions in memory. It runs without locks and checks at the end that no tenant it read
 * changed meanwhile (id, key and version as at the start); if one did, it reads again, and after a
 * few lost races it reads under the row locks, so a reader never sees half of one store.
 */
public final class JdbiTenants implements Tenants {
    private static final int STORE_ATTEMPTS = 5;
    private static final int OPTIMISTIC_READS = 5;

    /** Every table below {@code tenant}, children before parents (foreign keys). */
    private static final List<String> CHILD_TABLES = List.of(
            "page_step_suite_product", "page_step", "shop_page",
            "change_option", "suite_product_add_on", "suite_product_category", "suite_product",
            "charge_tier", "charge_discount_applies_to", "charge", "rate_plan", "product",
            "translation", "translation_language",
            "customer_center_settings", "checkout_settings", "cart_settings",
            "tenant_currency", "tenant_language", "tenant_host");

    /**
     * SQL states of a lost race worth retrying: serialization failure / H2 deadlock, PostgreSQL
     * deadlock, PostgreSQL lock not available, H2 lock time-out, H2 concurrent update.
     */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final int optimisticReads;

    public JdbiTenants(Jdbi jdbi) {
        this(jdbi, OPTIMISTIC_READS);
    }

    /** With {@code optimisticReads} lock-free attempts per read before it reads under row locks. */
    JdbiTenants(Jdbi jdbi, int optimisticReads) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.optimisticReads = optimisticReads;
    }

    @Override
    public long store(TenantDefinition definition) {
        Tenant tenant = definition.tenant();
        TenantRows tenantRows = TenantRows.of(definition);
        CatalogRows catalogRows = CatalogRows.of(tenant.id(), definition.catalog());
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> replace(handle, tenant, tenantRows, catalogRows));
            } catch (RuntimeException e) {
                if (attempt >= STORE_ATTEMPTS || !lostRace(e)) {
                    throw e instanceof RaceForKeyOrId race ? race.cause : e;
                }
                pause(attempt);
            }
        }
    }

    private static long replace(Handle handle, Tenant tenant, TenantRows tenantRows, CatalogRows catalogRows) {
        TenantDao tenants = handle.attach(TenantDao.class);
        Optional<VersionRow> current = tenants.lockByKey(tenant.key());
        Optional<VersionRow> holder = tenants.byId(tenant.id());
        if (holder.isPresent() && !holder.get().tenantKey().equals(tenant.key())) {
            throw new IllegalArgumentException("tenant id " + tenant.id() + " belongs to tenant '"
                    + holder.get().tenantKey() + "', not to '" + tenant.key() + "'");
        }
        long version;
        if (current.isEmpty()) {
            version = 1;
            TenantRow row = TenantRows.tenantRow(tenant, version);
            claimingKeyAndId(() -> tenants.insertTenant(row));
        } else {
            long currentId = current.get().id();
            version = current.get().version() + 1;
            for (String table : CHILD_TABLES) {
                tenants.deleteFrom(table, currentId);
            }
            TenantRow row = TenantRows.tenantRow(tenant, version);
            claimingKeyAndId(() -> {
                if (tenants.updateTenant(currentId, row) != 1) {
                    throw new IllegalStateException("the locked row of tenant '" + tenant.key() + "' vanished");
                }
            });
        }
        tenantRows.insert(tenants);
        catalogRows.insert(handle.attach(CatalogDao.class));
        return version;
    }

    /**
     * Runs the write of the tenant row; if a concurrent transaction took the key or the id first
     * (unique violation), the store rolls back and retries, and then sees that transaction's row.
     */
    private static void claimingKeyAndId(Runnable writeTenantRow) {
        try {
            writeTenantRow.run();
        } catch (UnableToExecuteStatementException e) {
            if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                throw new RaceForKeyOrId(e);
            }
            throw e;
        }
    }

    @Override
    public Option<TenantDefinition> byKey(String key) {
        List<TenantDefinition> found = read(dao -> dao.tenantsWithKey(key), dao -> dao.lockTenantsWithKey(key));
        return found.isEmpty() ? Option.none() : Option.some(found.get(0));
    }

    @Override
    public List<TenantDefinition> all() {
        return read(TenantDao::allTenants, TenantDao::lockAllTenants);
    }

    @Override
    public Map<String, Long> versions() {
        return jdbi.withExtension(TenantDao.class, dao -> dao.versions().stream()
                .collect(Collectors.toUnmodifiableMap(VersionRow::tenantKey, VersionRow::version)));
    }

    private List<TenantDefinition> read(Function<TenantDao, List<TenantRow>> select,
            Function<TenantDao, List<TenantRow>> selectLocking) {
        for (int attempt = 1; attempt <= optimisticReads; attempt++) {
            Optional<List<TenantDefinition>> read = jdbi.inTransaction(handle -> readOnce(handle, select, true));
            if (read.isPresent()) {
                return read.get();
            }
        }
        return jdbi.inTransaction(handle -> readOnce(handle, selectLocking, false)).orElseThrow();
    }

    /** The definitions of the selected tenants; empty if {@code verify} finds that one changed meanwhile. */
    private static Optional<List<TenantDefinition>> readOnce(Handle handle,
            Function<TenantDao, List<TenantRow>> select, boolean verify) {
        TenantDao tenants = handle.attach(TenantDao.class);
        List<TenantRow> tenantRows = select.apply(tenants);
        if (tenantRows.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Long> ids = tenantRows.stream().map(TenantRow::id).toList();
        TenantRows children = TenantRows.load(tenants, ids);
        CatalogRows catalogRows = CatalogRows.load(handle.attach(CatalogDao.class), ids);
        if (verify) {
            Set<VersionRow> before = tenantRows.stream()
                    .map(t -> new VersionRow(t.id(), t.tenantKey(), t.version()))
                    .collect(Collectors.toSet());
            if (!before.equals(Set.copyOf(tenants.versionsOf(ids)))) {
                return Optional.empty();
            }
        }
        Map<Long, Tenant> byId = children.tenantsById(tenantRows);
        Map<Long, Translations> translations = children.translationsByTenant();
        Map<Long, Catalog> catalogs = catalogRows.catalogs(ids);
        List<TenantDefinition> definitions = new ArrayList<>();
        for (long id : ids) {
            definitions.add(new TenantDefinition(byId.get(id), catalogs.get(id),
                    translations.getOrDefault(id, Translations.none())));
        }
        return Optional.of(List.copyOf(definitions));
    }

    private static boolean lostRace(RuntimeException e) {
        return e instanceof RaceForKeyOrId || RETRYABLE_STATES.contains(sqlState(e));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt + ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a tenant store", e);
        }
    }

    /** The tenant row's write lost against a concurrent transaction claiming the same key or id. */
    private static final class RaceForKeyOrId extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException cause;

        RaceForKeyOrId(RuntimeException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
