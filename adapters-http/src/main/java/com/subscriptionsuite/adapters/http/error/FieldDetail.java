package com.subscriptionsuite.adapters.http.error;

import java.util.Objects;

/** One field an error is about: its path in the request (e.g. {@code suite_products[0].id}) and why. */
public record FieldDetail(String field, String reason) {
    public FieldDetail {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
