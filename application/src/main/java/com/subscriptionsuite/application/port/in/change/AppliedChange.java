package com.subscriptionsuite.application.port.in.change;

import java.util.Objects;

/**
 * A booked change: what was previewed (recomputed under the customer's lease when booking, equal to
 * the preview of the same day), the amendment it produced, the subscription's new version, and the
 * invoice it raised ({@code invoiceId} and {@code invoiceNumber} null when it invoices nothing now).
 */
public record AppliedChange(ChangePreview change, String amendmentId, int subscriptionVersion, String invoiceId,
        String invoiceNumber) {
    public AppliedChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(amendmentId, "amendmentId");
    }
}
