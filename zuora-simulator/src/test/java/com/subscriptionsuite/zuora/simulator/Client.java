package com.subscriptionsuite.zuora.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain java.net.http client for the simulator's tests. */
final class Client {
    static final ObjectMapper JSON = new ObjectMapper();

    final ZuoraSimulator sim;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token;

    Client(ZuoraSimulator sim) {
        this.sim = sim;
    }

    record Reply(int status, Map<String, String> headers, byte[] bytes) {
        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    Reply tokenRequest(String clientId, String secret) {
        String form = "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&grant_type=client_credentials";
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Client login() {
        Reply r = tokenRequest(sim.clientId(), sim.clientSecret());
        if (r.status() != 200) {
            throw new AssertionError("token: " + r);
        }
        token = r.json().get("access_token").asText();
        return this;
    }

    Reply get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    Reply post(String path, Object body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String ? (String) body : write(body))));
    }

    Reply put(String path, Object body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String ? (String) body : write(body))));
    }

    Reply delete(String path, String... headers) {
        return send(builder(path, headers).DELETE());
    }

    /** Posts and asserts 200 + success:true, answering the JSON. */
    JsonNode ok(String path, Object body, String... headers) {
        Reply r = post(path, body, headers);
        if (r.status() != 200 || !r.json().path("success").asBoolean()) {
            throw new AssertionError("POST " + path + ": " + r);
        }
        return r.json();
    }

    JsonNode okGet(String path) {
        Reply r = get(path);
        if (r.status() != 200 || !r.json().path("success").asBoolean()) {
            throw new AssertionError("GET " + path + ": " + r);
        }
        return r.json();
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
            return new Reply(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
