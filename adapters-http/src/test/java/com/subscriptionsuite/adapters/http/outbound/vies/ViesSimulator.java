package com.subscriptionsuite.adapters.http.outbound.vies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the VIES REST API's {@code POST /check-vat-number}, answering as VIES
 * does: {@code valid: true} with name, address and (when a requester is given) a request
 * identifier for the numbers {@link #register registered}, {@code valid: false} with {@code "---"}
 * for the rest, an {@code INVALID_INPUT} fault for a malformed request; and, on demand, faults:
 * {@code MS_UNAVAILABLE} for a member state, a bare 503, a delay, a rate-limit fault for the next
 * requests. Records every request body.
 */
public final class ViesSimulator implements AutoCloseable {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Z+*]{2,12}");

    private record Registration(String name, String address) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Registration> registered = new ConcurrentHashMap<>();
    private final Set<String> unavailableStates = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> requestIds = new ArrayList<>();
    private final AtomicInteger rateLimitedNext = new AtomicInteger();
    private final AtomicInteger identifiers = new AtomicInteger();
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;

    private ViesSimulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static ViesSimulator start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ViesSimulator simulator = new ViesSimulator(server);
            server.createContext("/check-vat-number", simulator::handle);
            server.setExecutor(simulator.executor);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the VIES simulator", e);
        }
    }

    /** The endpoint to configure the adapter with. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/check-vat-number");
    }

    /** Registers {@code countryCode + number} (e.g. {@code DE}, {@code 136695976}) to this name and address. */
    public ViesSimulator register(String countryCode, String number, String name, String address) {
        registered.put(countryCode + number, new Registration(name, address));
        return this;
    }

    /** The member state's node is down: its numbers get the {@code MS_UNAVAILABLE} fault. */
    public ViesSimulator memberStateUnavailable(String countryCode) {
        unavailableStates.add(countryCode);
        return this;
    }

    /** The whole service answers a bare 503 (no JSON). */
    public ViesSimulator down(boolean down) {
        this.down = down;
        return this;
    }

    /** Every answer is sent this late. */
    public ViesSimulator delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** The next {@code count} requests get {@code GLOBAL_MAX_CONCURRENT_REQ}, the ones after are answered. */
    public ViesSimulator rateLimitNext(int count) {
        rateLimitedNext.set(count);
        return this;
    }

    /** The {@code X-Request-Id} of each request received so far (null where none was sent). */
    public synchronized List<String> requestIds() {
        return java.util.Collections.unmodifiableList(new ArrayList<>(requestIds));
    }

    /** The bodies of the requests received so far. */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "{}");
                return;
            }
            JsonNode body;
            try {
                body = mapper.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                body = null;
            }
            synchronized (this) {
                requests.add(body == null ? mapper.nullNode() : body);
                requestIds.add(exchange.getRequestHeaders().getFirst("X-Request-Id"));
            }
            if (down) {
                send(exchange, 503, "Service Unavailable", "text/plain");
                return;
            }
            if (rateLimitedNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 200, fault("GLOBAL_MAX_CONCURRENT_REQ"));
                return;
            }
            String country = body == null ? "" : body.path("countryCode").asText("");
            String number = body == null ? "" : body.path("vatNumber").asText("");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")
                    || !COUNTRY.matcher(country).matches() || !NUMBER.matcher(number).matches()) {
                send(exchange, 400, fault("INVALID_INPUT"));
                return;
            }
            if (unavailableStates.contains(country)) {
                send(exchange, 500, fault("MS_UNAVAILABLE"));
                return;
            }
            send(exchange, 200, result(body, country, number));
        } finally {
            exchange.close();
        }
    }

    private String result(JsonNode request, String country, String number) throws IOException {
        Registration registration = registered.get(country + number);
        boolean requester = request.path("requesterNumber").asText("").length() > 0;
        ObjectNode out = mapper.createObjectNode();
        out.put("countryCode", country);
        out.put("vatNumber", number);
        out.put("requestDate", "2026-11-21T10:00:00.000Z");
        out.put("valid", registration != null);
        out.put("requestIdentifier",
                registration != null && requester ? "WAPIAAAAY" + identifiers.incrementAndGet() : "");
        out.put("name", registration == null ? "---" : registration.name());
        out.put("address", registration == null ? "---" : registration.address());
        out.put("traderName", "---");
        out.put("traderStreet", "---");
        out.put("traderPostalCode", "---");
        out.put("traderCity", "---");
        out.put("traderCompanyType", "---");
        out.put("traderNameMatch", "NOT_PROCESSED");
        return mapper.writeValueAsString(out);
    }

    private String fault(String code) throws IOException {
        ObjectNode out = mapper.createObjectNode();
        out.put("actionSucceed", false);
        ObjectNode error = out.putArray("errorWrappers").addObject();
        error.put("error", code);
        error.put("message", code.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return mapper.writeValueAsString(out);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body, "application/json");
    }

    private static void send(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
