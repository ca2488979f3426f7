package com.subscriptionsuite.adapters.http.catalogsync;

import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport;
import java.util.List;

/** The CatalogSyncReport schema: per kind, the counts and the items added, changed and removed. */
record CatalogSyncResponse(long tenantId, String tenantKey, boolean stored, Changes products, Changes ratePlans,
        Changes charges) {

    static CatalogSyncResponse from(CatalogSyncReport report) {
        return new CatalogSyncResponse(report.tenantId(), report.tenantKey(), report.stored(),
                Changes.from(report.products()), Changes.from(report.ratePlans()), Changes.from(report.charges()));
    }

    record Changes(int addedCount, int changedCount, int removedCount, List<Item> added, List<Item> changed,
            List<Item> removed) {
        static Changes from(CatalogSyncReport.Changes changes) {
            return new Changes(changes.added().size(), changes.changed().size(), changes.removed().size(),
                    items(changes.added()), items(changes.changed()), items(changes.removed()));
        }

        private static List<Item> items(List<CatalogSyncReport.Item> items) {
            return items.stream().map(i -> new Item(i.id(), i.zuoraId(), i.name())).toList();
        }
    }

    record Item(long id, String zuoraId, String name) {
    }
}
