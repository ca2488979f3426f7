package com.subscriptionsuite.application.port.in.catalog;

import com.subscriptionsuite.domain.catalog.Product;
import io.vavr.control.Either;
import java.util.List;

/** The tenant's Zuora products (seed GET /product, GET /product/{id}). */
public interface BrowseCatalog {
    List<Product> products(long tenantId);

    Either<CatalogFailure, Product> product(long tenantId, long productId);
}
