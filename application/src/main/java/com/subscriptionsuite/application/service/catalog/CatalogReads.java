package com.subscriptionsuite.application.service.catalog;

import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage;
import com.subscriptionsuite.application.port.in.config.ReadConfiguration;
import com.subscriptionsuite.application.port.in.translation.Translate;

/** The read-only use cases served by one in-memory service. */
public interface CatalogReads extends BrowseCatalog, ShowShopPage, ReadConfiguration, Translate {
}
