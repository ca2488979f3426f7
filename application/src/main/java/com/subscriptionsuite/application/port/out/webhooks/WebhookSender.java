package com.subscriptionsuite.application.port.out.webhooks;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.Map;

/** Posts a webhook: the remote side (a receiver on the internet), called outside any unit of work. */
public interface WebhookSender {
    /**
     * POSTs {@code body} (JSON, UTF-8) with {@code headers} to {@code url}, waiting at most
     * {@code timeout}; the HTTP status answered, or why none was (timeout, connection refused ...).
     */
    Either<String, Integer> post(String url, Map<String, String> headers, String body, Duration timeout);
}
