package com.subscriptionsuite.application.port.in.catalogsync;

import java.util.List;
import java.util.Objects;

/**
 * What a catalog sync did to a tenant's catalog: per kind, the items added, changed and removed, by
 * the engine's id and the billing system's id. {@code stored} is false when nothing differed (the
 * definition was left as it was, its version not bumped).
 */
public record CatalogSyncReport(long tenantId, String tenantKey, boolean stored, Changes products,
        Changes ratePlans, Changes charges) {
    public CatalogSyncReport {
        Objects.requireNonNull(tenantKey, "tenantKey");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(ratePlans, "ratePlans");
        Objects.requireNonNull(charges, "charges");
    }

    /** Whether anything was added, changed or removed. */
    public boolean anyChange() {
        return products.any() || ratePlans.any() || charges.any();
    }

    /** One kind's changes. A rate plan counts as changed when its own fields or its list of charges changed. */
    public record Changes(List<Item> added, List<Item> changed, List<Item> removed) {
        public Changes {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }

        public boolean any() {
            return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
        }
    }

    /** An item by the engine's id and the billing system's ({@code zuoraId}, null for an item the file had without one). */
    public record Item(long id, String zuoraId, String name) {
        public Item {
            Objects.requireNonNull(name, "name");
        }
    }
}
