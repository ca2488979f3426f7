package com.subscriptionsuite.domain.payment;

import java.util.List;
import java.util.Objects;

/**
 * One way to pay that a tenant offers (the seed's "Subscription Suite payment method", known by its
 * integer {@code id}): a {@link PaymentType}, the countries it is offered in (ISO 3166 alpha-2, upper
 * case; empty = every country) and, for types whose details a hosted payment page collects, the id of
 * that page (Zuora's page id, or the built-in page's name).
 */
public record PaymentOption(long id, PaymentType type, List<String> countries, String hostedPageId) {
    public PaymentOption {
        Objects.requireNonNull(type, "type");
        countries = List.copyOf(countries);
    }

    /** Whether a customer in {@code country} (upper case; null when unknown) may use it. */
    public boolean offeredIn(String country) {
        return countries.isEmpty() || (country != null && countries.contains(country));
    }
}
