package com.subscriptionsuite.application.port.out.billing;

import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import java.util.List;
import java.util.Objects;

/**
 * A billing system's catalog in the engine's own shapes: products, each with its product rate plans,
 * each with its charges (prices per currency with tiers). The domain's {@link Product},
 * {@link RatePlan} and {@link com.subscriptionsuite.domain.catalog.Charge} records are used as they
 * are, with one difference: their numeric {@code id} (and a rate plan's {@code productId}) mean
 * nothing here, the billing system does not know the engine's ids. The key of each item is its
 * {@code zuoraId} (the billing system's id), which must be given and unique per kind; the sync
 * gives each item the engine's id for that key, or a new one.
 */
public record SourceCatalog(List<SourceProduct> products) {
    public SourceCatalog {
        products = List.copyOf(products);
    }

    /** A product with its rate plans; the rate plans' charges are inside them. */
    public record SourceProduct(Product product, List<RatePlan> ratePlans) {
        public SourceProduct {
            Objects.requireNonNull(product, "product");
            ratePlans = List.copyOf(ratePlans);
        }
    }
}
