package com.subscriptionsuite.adapters.http.outbound.webhook;

import com.subscriptionsuite.adapters.http.outbound.LazyHttpClient;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Posts webhooks, signed ({@link WebhookSignature}), with the JDK's HTTP client (not Feign: the URL is each tenant's, the body must go
 * out byte for byte as it was signed, and nothing is mapped). No redirects are followed (a 3xx is
 * not a delivery), no retries here: the delivery's retry schedule decides. The response body is read
 * and dropped.
 */
public final class HttpWebhookSender implements WebhookSender {
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect",
            "upgrade");

    /** Built on the first post: a start does not pay for the TLS context and the selector thread. */
    private final LazyHttpClient client;

    public HttpWebhookSender(Duration connectTimeout) {
        java.util.Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.client = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build());
    }

    @Override
    public Either<String, Integer> post(String url, Map<String, String> headers, String body, String secret,
            Instant at, Duration timeout) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Either.left("bad URL: " + e.getMessage());
        }
        request.header(WebhookSignature.HEADER, WebhookSignature.header(secret, at.getEpochSecond(), body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<Void> response = client.get().send(request.build(), HttpResponse.BodyHandlers.discarding());
            return Either.right(response.statusCode());
        } catch (HttpTimeoutException e) {
            return Either.left("timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Either.left(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left("interrupted");
        }
    }
}
