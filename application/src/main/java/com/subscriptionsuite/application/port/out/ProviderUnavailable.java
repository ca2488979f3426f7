package com.subscriptionsuite.application.port.out;

import java.util.Objects;

/**
 * A payment provider (Zuora's hosted pages, PayPal) that could not be asked or refused to answer:
 * a gateway failure, not the caller's fault. {@code reason} is for the logs and the message, never a
 * secret.
 */
public record ProviderUnavailable(String provider, String reason) {
    public ProviderUnavailable {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
    }
}
