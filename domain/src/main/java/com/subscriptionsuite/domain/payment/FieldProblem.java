package com.subscriptionsuite.domain.payment;

import java.util.Objects;

/** One field of submitted payment details that cannot be accepted, and why (never echoing the value). */
public record FieldProblem(String field, String reason) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
