package com.subscriptionsuite.domain.billing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's stored payment method: its type (CreditCard, SEPA, BankTransfer, ACH, PayPal ...), the
 * displayable data only (masks, holder names, PayPal e-mail; never a full card number, CVV or IBAN),
 * and whether it can be charged ({@link Status#ACTIVE}) or still waits for the customer's approval
 * ({@link Status#PENDING}, e.g. a PayPal agreement not yet approved).
 *
 * <p>{@code billingId} is the id the billing system knows the method by when that is not {@code id}:
 * a PayPal method's id is the PayPal provider's, and the billing system (Zuora, the ledger) registers
 * the agreement as a method of its own the first time it is used; null until then, and for every
 * method whose id the billing system gave or accepts as it is.
 */
public record PaymentMethod(String id, long tenantId, long userId, String type, Map<String, String> data,
        Status status, Instant createdAt, String billingId) {

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

    /** A method the billing system knows by its own id (or has not been told of yet). */
    public PaymentMethod(String id, long tenantId, long userId, String type, Map<String, String> data,
            Status status, Instant createdAt) {
        this(id, tenantId, userId, type, data, status, createdAt, null);
    }

    /** The id to give the billing system: its own for the method if it has one, else the method's. */
    public String idForBilling() {
        return billingId != null ? billingId : id;
    }

    /** The same method, known to the billing system as {@code billingId}. */
    public PaymentMethod withBillingId(String newBillingId) {
        return new PaymentMethod(id, tenantId, userId, type, data, status, createdAt, newBillingId);
    }

    /** The same method under the id the billing system gave it. */
    public PaymentMethod withId(String newId) {
        return new PaymentMethod(newId, tenantId, userId, type, data, status, createdAt, billingId);
    }

    public boolean usableBy(long tenant, long user) {
        return tenantId == tenant && userId == user && status == Status.ACTIVE;
    }
}
