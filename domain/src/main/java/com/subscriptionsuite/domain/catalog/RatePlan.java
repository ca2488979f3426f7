package com.subscriptionsuite.domain.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A product rate plan (Zuora's ProductRatePlan) of a product, with its charges. */
public record RatePlan(
        long id,
        String zuoraId,
        long productId,
        String name,
        String description,
        LocalDate effectiveStartDate,
        LocalDate effectiveEndDate,
        List<Charge> charges) {

    public RatePlan {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        charges = List.copyOf(charges);
    }
}
