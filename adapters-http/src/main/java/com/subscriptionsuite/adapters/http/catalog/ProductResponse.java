package com.subscriptionsuite.adapters.http.catalog;

import com.subscriptionsuite.domain.catalog.Product;
import java.time.LocalDate;

/** The seed's Product schema. */
record ProductResponse(
        long id,
        String zuoraId,
        String name,
        String description,
        String featureList,
        String highlight,
        String effectiveStartDate,
        String effectiveEndDate,
        String sku,
        String updatedDate,
        long tenantId) {

    static ProductResponse from(Product product, long tenantId) {
        return new ProductResponse(product.id(), product.zuoraId(), product.name(), product.description(),
                product.featureList(), product.highlight(), date(product.effectiveStartDate()),
                date(product.effectiveEndDate()), product.sku(), date(product.updatedDate()), tenantId);
    }

    /** {@code YYYY-MM-DD}, or null when the date is not set. */
    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
