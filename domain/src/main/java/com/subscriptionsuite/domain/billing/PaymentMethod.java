package com.subscriptionsuite.domain.billing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's stored payment method: its type (CreditCard, SEPA, BankTransfer, ACH, PayPal ...), the
 * displayable data only (masks, holder names, PayPal e-mail; never a full card number, CVV or IBAN),
 * and whether it can be charged ({@link Status#ACTIVE}) or still waits for the customer's approval
 * ({@link Status#PENDING}, e.g. a PayPal agreement not yet approved).
 */
public record PaymentMethod(String id, long tenantId, long userId, String type, Map<String, String> data,
        Status status, Instant createdAt) {

    public enum Status {
        PENDING,
        ACTIVE
    }

    public PaymentMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        data = Map.copyOf(data);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same method under the id the billing system gave it. */
    public PaymentMethod withId(String newId) {
        return new PaymentMethod(newId, tenantId, userId, type, data, status, createdAt);
    }

    public boolean usableBy(long tenant, long user) {
        return tenantId == tenant && userId == user && status == Status.ACTIVE;
    }
}
