package com.subscriptionsuite.domain.catalog;

import java.time.LocalDate;
import java.util.Objects;

/** A Zuora product as the seed's Product schema shows it. */
public record Product(
        long id,
        String zuoraId,
        String name,
        String description,
        String featureList,
        String highlight,
        String sku,
        LocalDate effectiveStartDate,
        LocalDate effectiveEndDate,
        LocalDate updatedDate) {

    public Product {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        featureList = featureList == null ? "" : featureList;
        highlight = highlight == null ? "" : highlight;
        sku = sku == null ? "" : sku;
    }
}
