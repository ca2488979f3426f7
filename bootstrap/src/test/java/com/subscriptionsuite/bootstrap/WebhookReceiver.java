package com.subscriptionsuite.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback (the JDK's HTTP server), as a tenant's system would run one: it
 * verifies each request's {@code Suite-Signature} with the endpoint's secret (as docs/webhooks.md
 * shows) and answers on cue: per path a queue of planned answers (a status, or {@link #TIMEOUT}:
 * no answer before the engine's timeout), then the path's default status.
 */
final class WebhookReceiver implements AutoCloseable {
    /** A planned answer: hold the request longer than the engine waits, then 200. */
    static final int TIMEOUT = -1;

    /** One request as received, with whether its signature verified and what it was answered. */
    record Received(String path, String eventId, String eventType, String attempt, String body, boolean signed,
            int answered) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new ArrayList<>();
    private final java.util.Map<String, Queue<Integer>> plans = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, AtomicInteger> defaults = new java.util.concurrent.ConcurrentHashMap<>();

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} so, in order. */
    void plan(String path, Integer... answers) {
        plans.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** The answer to {@code path} once its plan is used up (200 unless set). */
    void answer(String path, int status) {
        defaults.computeIfAbsent(path, p -> new AtomicInteger(200)).set(status);
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests to {@code path} answered 2xx, in the order they were answered. */
    synchronized List<Received> delivered(String path) {
        return received.stream().filter(r -> r.path().equals(path) && r.answered() >= 200 && r.answered() < 300)
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        boolean signed = verifies(exchange.getRequestHeaders().getFirst("Suite-Signature"), body);
        Integer planned = plans.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
        int status = planned != null ? planned : defaults.computeIfAbsent(path, p -> new AtomicInteger(200)).get();
        if (!signed) {
            status = 400;
        }
        if (status == TIMEOUT) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int answered = status == TIMEOUT ? 0 : status;
        synchronized (this) {
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Suite-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Suite-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Suite-Delivery-Attempt"), body, signed, answered));
        }
        try {
            exchange.sendResponseHeaders(status == TIMEOUT ? 200 : status, -1);
        } catch (IOException e) {
            // the engine gave up waiting (the timeout case)
        }
        exchange.close();
    }

    /** The receiver's check, as docs/webhooks.md shows it: HMAC-SHA256(secret, t + "." + body), constant time. */
    private boolean verifies(String header, String body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    v1.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
