package com.subscriptionsuite.adapters.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A java.net.http client for one server, with fixed request headers (e.g. {@code X-Tenant}). Every
 * reply is validated against openapi.yaml before the test sees it.
 */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final List<String> headers;

    Http(URI base, List<String> headers) {
        this.base = base;
        this.headers = List.copyOf(headers);
    }

    Http with(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new Http(base, more);
    }

    /** The same client presenting {@code Authorization: Bearer <credential>} (a token or an admin key). */
    Http bearer(String credential) {
        return with("Authorization", "Bearer " + credential);
    }

    Reply get(String target) {
        return send("GET", target, BodyPublishers.noBody());
    }

    Reply post(String target, String json) {
        return with("Content-Type", "application/json").send("POST", target, BodyPublishers.ofString(json));
    }

    Reply put(String target, String json) {
        return with("Content-Type", "application/json").send("PUT", target, BodyPublishers.ofString(json));
    }

    /** A POST without body (Content-Length: 0, no Content-Type). */
    Reply post(String target) {
        return send("POST", target, BodyPublishers.noBody());
    }

    /** A PUT without body (Content-Length: 0, no Content-Type). */
    Reply put(String target) {
        return send("PUT", target, BodyPublishers.noBody());
    }

    Reply delete(String target) {
        return send("DELETE", target, BodyPublishers.noBody());
    }

    Reply options(String target) {
        return send("OPTIONS", target, BodyPublishers.noBody());
    }

    /**
     * A HEAD request. Its reply is not validated against openapi.yaml, which documents the GET
     * operations only (a HEAD answers as the GET would, without the body: {@code HeadIT} compares them).
     */
    Reply head(String target) {
        return exchange("HEAD", target, BodyPublishers.noBody());
    }

    Reply send(String method, String target, BodyPublisher body) {
        Reply reply = exchange(method, target, body);
        Contract.assertConforms(method, URI.create(target).getPath(), reply);
        return reply;
    }

    private Reply exchange(String method, String target, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
