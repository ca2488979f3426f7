package com.subscriptionsuite.adapters.persistence.tenant;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.DeletedProductRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.TenantRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.VersionRow;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.payment.PaymentOptions;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations;
import io.vavr.control.Option;
import java.time.Instant;
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
 * {@link Tenants} in a relational database (H2 or PostgreSQL, schemas {@code V1__tenants_and_catalog},
 * {@code V2__identity}: access rows and soft-deleted products, and {@code V7__payment_methods}: the
 * payment options).
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
 *
 * <h2>Soft-deleted products</h2>
 * {@link #deleteProduct} records the deletion in {@code deleted_product}, apart from the
 * definition's rows: storing the definition again keeps it. It locks the tenant row like a store
 * and bumps the version in the same transaction. Reads apply the deletions to the catalogs.
 *
 * <h2>Units of work</h2>
 * Every method runs through {@link Handles}: inside a {@code JdbiTransactions} unit it joins the
 * unit's transaction. A store that loses a race there is not retried (the unit's transaction is
 * spoilt on PostgreSQL): the failure goes to the unit, which rolls back.
 */
public final class JdbiTenants implements Tenants {
    private static final int STORE_ATTEMPTS = 5;
    private static final int OPTIMISTIC_READS = 5;

    /** Every table below {@code tenant}, children before parents (foreign keys). */
    private static final List<String> CHILD_TABLES = List.of(
            "tenant_payment_option_country", "tenant_payment_option",
            "page_step_suite_product", "page_step", "shop_page",
            "change_option", "suite_product_add_on", "suite_product_category", "suite_product",
            "charge_tier", "charge_discount_applies_to", "charge", "rate_plan", "product",
            "translation", "translation_language", "tenant_cors_origin", "tenant_admin_key",
            "customer_center_settings", "checkout_settings", "cart_settings",
            "tenant_currency", "tenant_language", "tenant_host");

    /**
     * SQL states of a lost race worth retrying: serialization failure / H2 deadlock, PostgreSQL
     * deadlock, PostgreSQL lock not available, H2 lock time-out, H2 concurrent update.
     */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    private final Handles handles;
    private final int optimisticReads;

    public JdbiTenants(Jdbi jdbi) {
        this(jdbi, OPTIMISTIC_READS);
    }

    /** With {@code optimisticReads} lock-free attempts per read before it reads under row locks. */
    JdbiTenants(Jdbi jdbi, int optimisticReads) {
        this.handles = new Handles(Objects.requireNonNull(jdbi, "jdbi"));
        Handles.prepare(jdbi, TenantDao.class, CatalogDao.class, PaymentOptionDao.class);
        this.optimisticReads = optimisticReads;
    }

    @Override
    public long store(TenantDefinition definition) {
        Tenant tenant = definition.tenant();
        TenantRows tenantRows = TenantRows.of(definition);
        CatalogRows catalogRows = CatalogRows.of(tenant.id(), definition.catalog());
        PaymentOptionRows paymentRows = PaymentOptionRows.of(tenant.id(), definition.paymentOptions());
        int attempts = handles.joined() ? 1 : STORE_ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            try {
                return handles.with(handle -> replace(handle, tenant, tenantRows, catalogRows, paymentRows));
            } catch (RuntimeException e) {
                if (attempt >= attempts || !lostRace(e)) {
                    throw e instanceof RaceForKeyOrId race ? race.cause : e;
                }
                pause(attempt);
            }
        }
    }

    private static long replace(Handle handle, Tenant tenant, TenantRows tenantRows, CatalogRows catalogRows,
            PaymentOptionRows paymentRows) {
        TenantDao tenants = Handles.attach(handle, TenantDao.class);
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
        catalogRows.insert(Handles.attach(handle, CatalogDao.class));
        paymentRows.insert(Handles.attach(handle, PaymentOptionDao.class));
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
            if (Handles.uniqueViolation(e)) {
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
        return handles.with(TenantDao.class, dao -> dao.versions().stream()
                .collect(Collectors.toUnmodifiableMap(VersionRow::tenantKey, VersionRow::version)));
    }

    private List<TenantDefinition> read(Function<TenantDao, List<TenantRow>> select,
            Function<TenantDao, List<TenantRow>> selectLocking) {
        for (int attempt = 1; attempt <= optimisticReads; attempt++) {
            Optional<List<TenantDefinition>> read = handles.with(handle -> readOnce(handle, select, true));
            if (read.isPresent()) {
                return read.get();
            }
        }
        return handles.with(handle -> readOnce(handle, selectLocking, false)).orElseThrow();
    }

    /** The definitions of the selected tenants; empty if {@code verify} finds that one changed meanwhile. */
    private static Optional<List<TenantDefinition>> readOnce(Handle handle,
            Function<TenantDao, List<TenantRow>> select, boolean verify) {
        TenantDao tenants = Handles.attach(handle, TenantDao.class);
        List<TenantRow> tenantRows = select.apply(tenants);
        if (tenantRows.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Long> ids = tenantRows.stream().map(TenantRow::id).toList();
        TenantRows children = TenantRows.load(tenants, ids);
        CatalogRows catalogRows = CatalogRows.load(Handles.attach(handle, CatalogDao.class), ids);
        PaymentOptionRows paymentRows = PaymentOptionRows.load(Handles.attach(handle, PaymentOptionDao.class), ids);
        Map<Long, Set<Long>> deletedProducts = tenants.deletedProducts(ids).stream().collect(Collectors.groupingBy(
                DeletedProductRow::tenantId, Collectors.mapping(DeletedProductRow::productId, Collectors.toSet())));
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
        Map<Long, TenantAccess> access = children.accessByTenant(ids);
        Map<Long, PaymentOptions> paymentOptions = paymentRows.byTenant(ids);
        List<TenantDefinition> definitions = new ArrayList<>();
        for (long id : ids) {
            Catalog catalog = catalogs.get(id).withDeletedProducts(deletedProducts.getOrDefault(id, Set.of()));
            definitions.add(new TenantDefinition(byId.get(id), catalog,
                    translations.getOrDefault(id, Translations.none()), access.get(id), paymentOptions.get(id)));
        }
        return Optional.of(List.copyOf(definitions));
    }

    /**
     * Inserts the deletion unless the tenant has no such product or it is deleted already, under the
     * tenant row's lock (so it queues behind a store of the tenant and a concurrent delete).
     */
    @Override
    public boolean deleteProduct(long tenantId, long productId, Instant at) {
        Objects.requireNonNull(at, "at");
        return handles.with(TenantDao.class, dao -> {
            if (dao.lockById(tenantId).isEmpty()
                    || dao.countProducts(tenantId, productId) == 0
                    || dao.countDeletedProducts(tenantId, productId) > 0) {
                return false;
            }
            dao.insertDeletedProduct(tenantId, productId, at);
            if (dao.bumpVersion(tenantId) != 1) {
                throw new IllegalStateException("the locked row of tenant " + tenantId + " vanished");
            }
            return true;
        });
    }

    private static boolean lostRace(RuntimeException e) {
        return e instanceof RaceForKeyOrId || RETRYABLE_STATES.contains(Handles.sqlState(e));
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
