package com.subscriptionsuite.application.service.tenant;

import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tenants' definitions held in memory, so that reads and the pricing hot path touch no store.
 * Refreshed from {@link Tenants} when a definition changes here ({@link #refresh()} after a store)
 * or in another server instance (a periodic {@link #refresh()} compares versions). Readers see an
 * immutable snapshot swapped atomically.
 */
public final class TenantDirectory {
    private final Tenants tenants;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), List.of());

    public TenantDirectory(Tenants tenants) {
        this.tenants = tenants;
    }

    /** {@code all}: byId's definitions, listed once per refresh (resolving a request's tenant asks for them). */
    private record Snapshot(Map<Long, TenantDefinition> byId, Map<String, TenantDefinition> byKey,
            Map<String, TenantDefinition> byHost, Map<String, Long> versions, List<TenantDefinition> all) {
    }

    /** Reloads the tenants whose version changed; returns whether anything changed. */
    public synchronized boolean refresh() {
        Map<String, Long> versions = tenants.versions();
        Snapshot current = snapshot;
        if (versions.equals(current.versions())) {
            return false;
        }
        Map<String, TenantDefinition> byKey = new HashMap<>();
        for (Map.Entry<String, Long> v : versions.entrySet()) {
            TenantDefinition known = current.byKey().get(v.getKey());
            if (known != null && v.getValue().equals(current.versions().get(v.getKey()))) {
                byKey.put(v.getKey(), known);
            } else {
                tenants.byKey(v.getKey()).forEach(d -> byKey.put(v.getKey(), d));
            }
        }
        Map<Long, TenantDefinition> byId = new HashMap<>();
        Map<String, TenantDefinition> byHost = new HashMap<>();
        for (TenantDefinition d : byKey.values()) {
            byId.put(d.tenant().id(), d);
            for (String host : d.tenant().hosts()) {
                byHost.put(host.toLowerCase(Locale.ROOT), d);
            }
        }
        Map<Long, TenantDefinition> ids = Map.copyOf(byId);
        snapshot = new Snapshot(ids, Map.copyOf(byKey), Map.copyOf(byHost), Map.copyOf(versions),
                List.copyOf(ids.values()));
        return true;
    }

    public Option<TenantDefinition> byId(long tenantId) {
        return Option.of(snapshot.byId().get(tenantId));
    }

    public Option<TenantDefinition> byKey(String key) {
        return Option.of(snapshot.byKey().get(key));
    }

    public Option<TenantDefinition> byHost(String host) {
        return host == null ? Option.none() : Option.of(snapshot.byHost().get(host.toLowerCase(Locale.ROOT)));
    }

    public List<TenantDefinition> all() {
        return snapshot.all();
    }

    /** The definition of a tenant the caller already resolved; an unknown id is a bug upstream. */
    public TenantDefinition require(long tenantId) {
        TenantDefinition d = snapshot.byId().get(tenantId);
        if (d == null) {
            throw new IllegalStateException("tenant " + tenantId + " is not loaded");
        }
        return d;
    }
}
