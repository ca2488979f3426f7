package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.subscription.ChangeAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A booked change of a subscription (Zuora's amendment): which change, asked on which day, in force
 * from which day, the subscription version it produced, and a human description. {@code invoiceId}
 * is the invoice the change raised (null for a change that invoices nothing now).
 */
public record Amendment(String id, long tenantId, String subscriptionId, ChangeAction action, LocalDate requestDate,
        LocalDate effectiveDate, int version, String description, String invoiceId, Instant createdAt) {
    public Amendment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestDate, "requestDate");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
