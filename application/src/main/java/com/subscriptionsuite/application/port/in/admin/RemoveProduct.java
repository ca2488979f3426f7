package com.subscriptionsuite.application.port.in.admin;

import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.domain.catalog.Product;
import io.vavr.control.Either;

/**
 * Soft-deletes a product (seed DELETE /product/{id}): no longer listed or sold; what already refers
 * to it keeps working. Returns the product as it was.
 */
public interface RemoveProduct {
    Either<CatalogFailure, Product> remove(long tenantId, long productId);
}
