package com.subscriptionsuite.domain.catalog;

import java.util.List;
import java.util.Objects;

/** A shop page with its selection steps. */
public record ShopPage(
        long id,
        String name,
        String description,
        boolean active,
        boolean cart,
        boolean showCart,
        boolean allowVoucher,
        List<PageStep> steps) {

    public ShopPage {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
    }
}
