package com.subscriptionsuite.domain.account;

import java.util.Objects;

/**
 * One thing wrong with an account's data: the field as the seed's Account schema names it
 * ({@code first_name}, {@code billing_country}) and why, in English.
 */
public record AccountProblem(String field, String reason) {
    public AccountProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code field: reason}, the shape every failure message of the engine has. */
    public String message() {
        return field + ": " + reason;
    }
}
