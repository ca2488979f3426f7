package com.subscriptionsuite.domain.catalog;

import java.util.List;
import java.util.Objects;

/** One selection step of a shop page, offering suite products (by id) in display order. */
public record PageStep(
        long id,
        int number,
        String name,
        String description,
        boolean optional,
        boolean uniqueSelection,
        boolean showCharges,
        boolean showDescription,
        boolean showFeatureList,
        boolean showPeriods,
        boolean showProductName,
        boolean showRatePlanName,
        List<Long> suiteProductIds) {

    public PageStep {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        suiteProductIds = List.copyOf(suiteProductIds);
    }
}
