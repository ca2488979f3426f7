package com.subscriptionsuite.application.port.out.webhooks;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Posts a signed webhook: the remote side (a receiver on the internet), called outside any unit of
 * work. The adapter signs the body with {@code secret} as of {@code at} (docs/webhooks.md:
 * {@code Suite-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}) and sends it byte
 * for byte as signed.
 */
public interface WebhookSender {
    /**
     * POSTs {@code body} (JSON, UTF-8) with {@code headers} and the signature to {@code url}, waiting at
     * most {@code timeout}; the HTTP status answered, or why none was (timeout, connection refused ...).
     */
    Either<String, Integer> post(String url, Map<String, String> headers, String body, String secret, Instant at,
            Duration timeout);
}
