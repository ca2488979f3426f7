package com.subscriptionsuite.zuora.simulator;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Zuora tenant on loopback: OAuth, accounts, orders, subscriptions, invoices and files, payment methods,
 * the catalog. Every request is checked against Zuora's API document (a subset of its compact v1 OpenAPI spec);
 * a request that breaks it is answered 400 and recorded in {@link SimulatorState#invalidRequests()}.
 *
 * <pre>{@code
 * try (ZuoraSimulator zuora = ZuoraSimulator.start(0)) {
 *     zuora.catalog().addProduct(Catalog.product("Suite").ratePlan(...));
 *     // point the client at zuora.baseUrl() with zuora.clientId() / zuora.clientSecret()
 * }
 * }</pre>
 */
public final class ZuoraSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "7b1f3c52-9e0a-4d8b-a6f4-2c5e9d1b0a37";
    public static final String DEFAULT_CLIENT_SECRET = "zuora-simulator-secret-not-a-real-one";
    public static final String SPEC_RESOURCE = "/zuora-billing-v1-subset.yaml";
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** Created on first use, so that {@code main} can pick the jar's logging configuration first. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ZuoraSimulator.class);
    }
    static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiInteractionValidator sharedValidator;

    private final Javalin app;
    private final OpenApiInteractionValidator validator;
    private final SimulatorState state = new SimulatorState();
    private final Catalog catalog = new Catalog();
    private final Faults faults = new Faults();
    private final TaxRates taxRates = new TaxRates();
    /** Hosted payment pages: page id to type (CreditCard or SEPA). */
    private final Map<String, String> hostedPages = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, IdempotencyEntry> idempotency = new ConcurrentHashMap<>();
    private final List<String> invalidResponses = new CopyOnWriteArrayList<>();
    private final String clientId;
    private final String clientSecret;
    private volatile Clock clock;
    private volatile long tokenTtlSeconds;
    private volatile boolean errorsWithStatus200;
    private volatile String tenantZuoraVersion;
    private final Api api;
    private final int port;

    /** Options for {@link #start(Options)}. */
    public static final class Options {
        int port;
        String clientId = DEFAULT_CLIENT_ID;
        String clientSecret = DEFAULT_CLIENT_SECRET;
        Clock clock = Clock.systemUTC();
        long tokenTtlSeconds = 3599;
        String tenantZuoraVersion = "2025-08-12";
        final List<String[]> taxRates = new java.util.ArrayList<>();
        final List<String> invoiceHeader = new java.util.ArrayList<>();
        final Map<String, String> hostedPages = new java.util.LinkedHashMap<>(Map.of("demo-card", "CreditCard",
                "demo-sepa", "SEPA"));

        public Options port(int p) { this.port = p; return this; }
        public Options clientId(String id) { this.clientId = id; return this; }
        public Options clientSecret(String s) { this.clientSecret = s; return this; }
        public Options clock(Clock c) { this.clock = c; return this; }
        public Options tokenTtlSeconds(long s) { this.tokenTtlSeconds = s; return this; }
        /** The version applied when a request sends no Zuora-Version header (Zuora's tenant default). */
        public Options tenantZuoraVersion(String v) { this.tenantZuoraVersion = v; return this; }
        /**
         * A row of the tax rate table (see {@link TaxRates}): country (ISO alpha-2), tax code ({@link
         * TaxRates#DEFAULT_CODE} for charges without one), rate as a fraction ("0.19"), tax name ("VAT").
         */
        public Options taxRate(String country, String taxCode, String rate, String name) {
            taxRates.add(new String[] {country, taxCode, rate, name});
            return this;
        }
        /** The default rate of a country, for taxable charges without a tax code ("DE", "0.19"). */
        public Options taxRate(String country, String rate) {
            return taxRate(country, TaxRates.DEFAULT_CODE, rate, "VAT");
        }
        /**
         * The lines the invoice template prints above every invoice (Zuora's template shows the company
         * information of the tenant's settings: name, address, VAT id); none by default.
         */
        public Options invoiceHeader(String... lines) {
            invoiceHeader.addAll(List.of(lines));
            return this;
        }
        /** A hosted payment page (page id to CreditCard or SEPA); by default demo-card and demo-sepa. */
        public Options hostedPage(String pageId, String type) {
            hostedPages.put(pageId, HostedPages.checkType(type));
            return this;
        }
    }

    public static Options options() {
        return new Options();
    }

    /** Starts on 127.0.0.1; port 0 takes any free port. */
    public static ZuoraSimulator start(int port) {
        return start(options().port(port));
    }

    public static ZuoraSimulator start(Options options) {
        return new ZuoraSimulator(options);
    }

    private final List<String> invoiceHeader;

    private ZuoraSimulator(Options o) {
        this.clientId = o.clientId;
        this.clientSecret = o.clientSecret;
        this.clock = o.clock;
        this.tokenTtlSeconds = o.tokenTtlSeconds;
        this.tenantZuoraVersion = o.tenantZuoraVersion;
        o.taxRates.forEach(r -> taxRates.put(r[0], r[1], r[2], r[3]));
        this.hostedPages.putAll(o.hostedPages);
        this.invoiceHeader = List.copyOf(o.invoiceHeader);
        this.validator = validator();
        this.api = new Api(this);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        api.register();
        registerControl();
        app.error(404, ctx -> {
            if (ctx.attribute("zsim.handled") == null) {
                writeAnswer(ctx, errorAnswer(new ZuoraError(404, 50000040L, "The requested resource is not found: "
                        + ctx.method() + " " + ctx.path())));
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            Log.LOG.error("simulator failure on {} {}", ctx.method(), ctx.path(), e);
            writeAnswer(ctx, errorAnswer(new ZuoraError(500, 50000060L, "internal error: " + e)));
        });
        app.start("127.0.0.1", o.port);
        this.port = app.port();
    }

    /** What the invoice template prints above every invoice ({@link Options#invoiceHeader}). */
    List<String> invoiceHeader() {
        return invoiceHeader;
    }

    // ------------------------------------------------------------------ public API

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public SimulatorState state() {
        return state;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Faults faults() {
        return faults;
    }

    /** The tax rate table (Zuora Tax stand-in); empty: no tax. */
    public TaxRates taxRates() {
        return taxRates;
    }

    /** Hosted payment pages by id (type CreditCard or SEPA); mutable. */
    public Map<String, String> hostedPages() {
        return hostedPages;
    }

    /** Makes every token issued so far invalid: the next /v1 call with one answers 401. */
    public void expireTokens() {
        tokens.clear();
    }

    public void tokenTtlSeconds(long seconds) {
        this.tokenTtlSeconds = seconds;
    }

    public void clock(Clock newClock) {
        this.clock = newClock;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Answer business and validation errors (4xx other than 401, 409, 422 and 429) with HTTP 200 and
     * success:false, as Zuora does for minor versions before 2024-05-20.
     */
    public ZuoraSimulator errorsWithStatus200(boolean enabled) {
        this.errorsWithStatus200 = enabled;
        return this;
    }

    /** Answers the simulator produced on 2xx that do not match the API document (a simulator bug if any). */
    public List<String> invalidResponses() {
        return List.copyOf(invalidResponses);
    }

    String effectiveZuoraVersion(Context ctx) {
        String v = ctx.header("Zuora-Version");
        return v == null || v.isBlank() ? tenantZuoraVersion : v.trim();
    }

    @Override
    public void close() {
        app.stop();
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "zuora-simulator-logback.xml");
        }
        int port = 8089;
        Options options = options();
        boolean demo = true;
        for (String a : args) {
            if (a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring("--port=".length()));
            } else if (a.startsWith("--client-id=")) {
                options.clientId(a.substring("--client-id=".length()));
            } else if (a.startsWith("--client-secret=")) {
                options.clientSecret(a.substring("--client-secret=".length()));
            } else if (a.equals("--no-demo-catalog")) {
                demo = false;
            } else if (a.startsWith("--tax-rate=")) {
                // --tax-rate=DE:0.19 or --tax-rate=DE:0.07:REDUCED
                String[] r = a.substring("--tax-rate=".length()).split(":");
                if (r.length < 2) {
                    System.err.println("--tax-rate=<country>:<rate>[:<tax code>], e.g. --tax-rate=DE:0.19");
                    System.exit(2);
                }
                options.taxRate(r[0], r.length > 2 ? r[2] : TaxRates.DEFAULT_CODE, r[1], "VAT");
            } else {
                System.err.println("usage: java -jar zuora-simulator.jar [--port=8089] [--client-id=<36 chars>] "
                        + "[--client-secret=...] [--no-demo-catalog] [--tax-rate=DE:0.19[:<tax code>]]...");
                System.exit(2);
            }
        }
        ZuoraSimulator sim = start(options.port(port));
        if (demo) {
            DemoCatalog.seed(sim.catalog());
        }
        System.out.println("Zuora simulator listening on " + sim.baseUrl());
        System.out.println("client_id=" + sim.clientId());
        System.out.println("client_secret=" + sim.clientSecret());
        System.out.println("products seeded: " + sim.catalog().products().size()
                + " (controls: POST " + sim.baseUrl() + "/__simulator/faults, GET /__simulator/state)");
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }

    // ------------------------------------------------------------------ request pipeline

    /** What an endpoint answers. body is a JsonNode or byte[]. */
    record Answer(int status, Object body, String contentType, Map<String, String> headers) {
        /** A 200 JSON answer; null fields are left out (the API document declares none nullable). */
        static Answer ok(JsonNode body) {
            return new Answer(200, withoutNulls(body), "application/json; charset=utf-8", Map.of());
        }
    }

    static JsonNode withoutNulls(JsonNode n) {
        if (n.isObject()) {
            java.util.Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    it.remove();
                } else {
                    withoutNulls(e.getValue());
                }
            }
        } else if (n.isArray()) {
            n.forEach(ZuoraSimulator::withoutNulls);
        }
        return n;
    }

    interface Endpoint {
        Answer handle(Call call);
    }

    /** One request, as the endpoints see it. */
    static final class Call {
        final Context ctx;
        final JsonNode body;

        Call(Context ctx, JsonNode body) {
            this.ctx = ctx;
            this.body = body;
        }

        String path(String name) {
            return ctx.pathParam(name);
        }

        String query(String name) {
            return ctx.queryParam(name);
        }

        int queryInt(String name, int dflt) {
            String v = ctx.queryParam(name);
            return v == null ? dflt : Integer.parseInt(v);
        }
    }

    private static final class IdempotencyEntry {
        final String method;
        final String url;
        volatile boolean done;
        volatile Answer answer;
        volatile Instant completedAt;

        IdempotencyEntry(String method, String url) {
            this.method = method;
            this.url = url;
        }
    }

    void route(HandlerType type, String path, Endpoint endpoint) {
        app.addHttpHandler(type, path, ctx -> handle(ctx, endpoint));
    }

    /**
     * A page endpoint outside the REST API (no bearer token, not checked against the API document): recorded in
     * {@code state().requests()}; of the faults only the outage ({@code down}) applies.
     */
    interface PageEndpoint {
        Answer handle(Context ctx);
    }

    void plainRoute(HandlerType type, String path, PageEndpoint endpoint) {
        app.addHttpHandler(type, path, ctx -> {
            ctx.attribute("zsim.handled", Boolean.TRUE);
            String requestId = Ids.uuid();
            ctx.header("Zuora-Request-Id", requestId);
            int status = 0;
            try {
                if (faults.isDown()) {
                    status = writeAnswer(ctx, errorAnswer(new ZuoraError(503, 50000061L, "Service Unavailable (simulated outage)")));
                } else {
                    status = writeAnswer(ctx, endpoint.handle(ctx));
                }
            } finally {
                state.requests.add(new SimulatorState.RecordedRequest(ctx.method().name(), ctx.path(), ctx.queryString(),
                        status, null, ctx.header("Zuora-Track-Id"), null, requestId));
            }
        });
    }

    private void handle(Context ctx, Endpoint endpoint) {
        ctx.attribute("zsim.handled", Boolean.TRUE);
        String method = ctx.method().name();
        String path = ctx.path();
        String requestId = Ids.uuid();
        String trackId = ctx.header("Zuora-Track-Id");
        String idemKey = ctx.header("Idempotency-Key");
        ctx.header("Zuora-Request-Id", requestId);
        if (trackId != null) {
            ctx.header("Zuora-Track-Id", trackId);
        }
        int status = 0;
        try {
            status = process(ctx, endpoint, method, path, idemKey);
        } finally {
            state.requests.add(new SimulatorState.RecordedRequest(method, path, ctx.queryString(), status,
                    ctx.header("Zuora-Version"), trackId, idemKey, requestId));
        }
    }

    /** Answers the status written, 0 when the connection was dropped. */
    private int process(Context ctx, Endpoint endpoint, String method, String path, String idemKey) {
        boolean v1 = path.startsWith("/v1/");
        if (v1 && faults.isDown()) {
            return writeAnswer(ctx, errorAnswer(new ZuoraError(503, 50000061L, "Service Unavailable (simulated outage)")));
        }
        boolean commitThenDrop = false;
        long delayMillis = 0;
        Optional<Faults.Rule> fault = faults.take(method, path);
        if (fault.isPresent()) {
            Faults.Rule rule = fault.get();
            switch (rule.kind()) {
                case RATE_LIMIT: {
                    Answer a = errorAnswer(new ZuoraError(429, 50000070L,
                            "Too many requests: the tenant's rate limit is exceeded (simulated)"));
                    return writeAnswer(ctx, withHeader(a, "Retry-After", String.valueOf(rule.retryAfterSeconds())));
                }
                case STATUS:
                    return writeAnswer(ctx, errorAnswer(new ZuoraError(rule.status(),
                            rule.status() >= 500 ? 50000061L : 50000020L, "Simulated failure " + rule.status())));
                case DELAY:
                    delayMillis = rule.delayMillis();
                    break;
                case DROP:
                    drop(ctx);
                    return 0;
                case COMMIT_THEN_DROP:
                    commitThenDrop = true;
                    break;
                default:
                    break;
            }
        }
        if (v1) {
            String auth = ctx.header("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
            Instant expiry = token == null ? null : tokens.get(token);
            if (expiry == null || !clock.instant().isBefore(expiry)) {
                ObjectNode body = JSON.createObjectNode().put("message",
                        token == null ? "Authentication error: no bearer token" : "Authentication error: the token is invalid or expired");
                return writeAnswer(ctx, withHeader(new Answer(401, body, "application/json; charset=utf-8", Map.of()),
                        "WWW-Authenticate", "Bearer realm=\"Zuora\", error=\"invalid_token\""));
            }
        }
        String rawBody = ctx.body();
        Optional<Answer> invalid = validate(ctx, method, path, rawBody);
        if (invalid.isPresent()) {
            return writeAnswer(ctx, invalid.get());
        }
        JsonNode body = null;
        if (rawBody != null && !rawBody.isBlank() && isJson(ctx)) {
            try {
                body = JSON.readTree(rawBody);
            } catch (IOException e) {
                return writeAnswer(ctx, errorAnswer(new ZuoraError(400, 50000090L, "Malformed JSON: " + e.getMessage())));
            }
        }
        IdempotencyEntry entry = null;
        if (v1 && idemKey != null && ("POST".equals(method) || "PATCH".equals(method))) {
            String url = path + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            synchronized (idempotency) {
                synchronized (state) {
                    state.idempotencyKeysSeen.putIfAbsent(idemKey, Boolean.TRUE);
                }
                IdempotencyEntry existing = idempotency.get(idemKey);
                if (existing != null && existing.done
                        && existing.completedAt.plus(IDEMPOTENCY_WINDOW).isBefore(clock.instant())) {
                    idempotency.remove(idemKey);
                    existing = null;
                }
                if (existing != null) {
                    if (!existing.method.equals(method) || !existing.url.equals(url)) {
                        return writeAnswer(ctx, errorAnswer(new ZuoraError(422, 50000020L,
                                "The Idempotency-Key was already used with another request (" + existing.method + " "
                                        + existing.url + ")")));
                    }
                    if (!existing.done) {
                        return writeAnswer(ctx, errorAnswer(new ZuoraError(409, 50000050L,
                                "A request with the same Idempotency-Key is still being processed")));
                    }
                    return writeAnswer(ctx, existing.answer);
                }
                entry = new IdempotencyEntry(method, url);
                idempotency.put(idemKey, entry);
            }
        }
        if (delayMillis > 0) {
            sleep(delayMillis); // slow processing: an Idempotency-Key sent meanwhile is in flight
        }
        Answer answer;
        try {
            answer = endpoint.handle(new Call(ctx, body));
        } catch (ZuoraError e) {
            answer = errorAnswer(e);
        } catch (RuntimeException e) {
            Log.LOG.error("simulator failure on {} {}", method, path, e);
            answer = errorAnswer(new ZuoraError(500, 50000060L, "internal error: " + e));
        }
        if (entry != null) {
            if (answer.status() >= 500) {
                idempotency.remove(idemKey, entry);
            } else {
                entry.answer = answer;
                entry.completedAt = clock.instant();
                entry.done = true;
            }
        }
        // The document describes the latest minor version; answers shaped for legacy numeric versions are not checked.
        if (answer.status() >= 200 && answer.status() < 300 && answer.body() instanceof JsonNode
                && !Api.versionBefore(effectiveZuoraVersion(ctx), Integer.MAX_VALUE)) {
            checkResponse(method, path, ctx, answer);
        }
        if (commitThenDrop) {
            drop(ctx);
            return 0;
        }
        return writeAnswer(ctx, answer);
    }

    private static boolean isJson(Context ctx) {
        String ct = ctx.contentType();
        return ct == null || ct.toLowerCase(Locale.ROOT).contains("json");
    }

    private static Answer withHeader(Answer a, String name, String value) {
        Map<String, String> h = new java.util.HashMap<>(a.headers());
        h.put(name, value);
        return new Answer(a.status(), a.body(), a.contentType(), Map.copyOf(h));
    }

    Answer errorAnswer(ZuoraError e) {
        int status = e.httpStatus;
        if (errorsWithStatus200 && status >= 400 && status < 500 && status != 401 && status != 409 && status != 422
                && status != 429) {
            status = 200;
        }
        ObjectNode body = JSON.createObjectNode();
        if (e.httpStatus >= 500) {
            body.putArray("reasons").addObject().put("code", e.code).put("message", e.getMessage());
        } else {
            body.put("success", false);
            body.put("processId", Ids.newId().substring(0, 16).toUpperCase(Locale.ROOT));
            body.putArray("reasons").addObject().put("code", e.code).put("message", e.getMessage());
            body.put("requestId", Ids.uuid());
        }
        return new Answer(status, body, "application/json; charset=utf-8", Map.of());
    }

    int writeAnswer(Context ctx, Answer a) {
        ctx.status(a.status());
        a.headers().forEach(ctx::header);
        ctx.contentType(a.contentType());
        if (a.body() instanceof byte[]) {
            ctx.result((byte[]) a.body());
        } else {
            try {
                ctx.result(JSON.writeValueAsBytes(a.body()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return a.status();
    }

    /** Closes the connection without an answer. */
    private static void drop(Context ctx) {
        org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
        base.getHttpChannel().getEndPoint().close();
        ctx.skipRemainingHandlers();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ validation against the API document

    private Optional<Answer> validate(Context ctx, String method, String path, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        for (String name : ctx.headerMap().keySet()) {
            b.withHeader(name, ctx.req().getHeader(name));
        }
        ctx.queryParamMap().forEach((k, v) -> b.withQueryParam(k, v));
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateRequest(b.build());
        if (!report.hasErrors()) {
            return Optional.empty();
        }
        List<String> messages = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ZuoraSimulator::describe).collect(Collectors.toList());
        state.invalidRequests.add(new SimulatorState.InvalidRequest(method, path, body, List.copyOf(messages)));
        Log.LOG.warn("invalid request {} {}: {}", method, path, messages);
        boolean malformed = messages.stream().anyMatch(m -> m.contains("Unable to parse JSON"));
        boolean notFound = messages.stream().anyMatch(m -> m.startsWith("validation.request.path.missing"));
        ZuoraError e = notFound ? new ZuoraError(404, 50000040L, "Not found: " + path)
                : new ZuoraError(400, malformed ? 50000090L : 50000020L, String.join("; ", messages));
        return Optional.of(errorAnswer(e));
    }

    private void checkResponse(String method, String path, Context ctx, Answer answer) {
        try {
            SimpleResponse response = SimpleResponse.Builder.status(answer.status())
                    .withContentType("application/json").withBody(JSON.writeValueAsString(answer.body())).build();
            ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response);
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> invalidResponses.add(method + " " + path + ": " + describe(m)));
        } catch (IOException e) {
            invalidResponses.add(method + " " + path + ": " + e);
        }
    }

    private static String describe(ValidationReport.Message m) {
        StringBuilder b = new StringBuilder(m.getKey()).append(": ").append(m.getMessage());
        for (ValidationReport.Message n : m.getNestedMessages()) {
            b.append(" | ").append(describe(n));
        }
        return b.toString();
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (sharedValidator == null) {
            String spec;
            try (InputStream in = ZuoraSimulator.class.getResourceAsStream(SPEC_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + SPEC_RESOURCE);
                }
                spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            sharedValidator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    // allOf with additionalProperties is a known false alarm of this validator (see its FAQ);
                    // Zuora also accepts custom fields (__c) anywhere.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return sharedValidator;
    }

    // ------------------------------------------------------------------ OAuth and control endpoints

    Answer token(Call call) {
        Context ctx = call.ctx;
        String id = ctx.formParam("client_id");
        String secret = ctx.formParam("client_secret");
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            return new Answer(401, JSON.createObjectNode().put("message", "Invalid client credentials"),
                    "application/json; charset=utf-8", Map.of("WWW-Authenticate", "Bearer realm=\"Zuora\""));
        }
        String token = Ids.newId();
        tokens.put(token, clock.instant().plusSeconds(tokenTtlSeconds));
        ObjectNode body = JSON.createObjectNode()
                .put("access_token", token)
                .put("token_type", "bearer")
                .put("expires_in", tokenTtlSeconds)
                .put("scope", "user.simulator entity.simulator service.genesis.read service.genesis.write")
                .put("jti", Ids.newId());
        return new Answer(200, body, "application/json; charset=utf-8",
                Map.of("X-RateLimit-Limit-minute", "100", "X-RateLimit-Remaining-minute", "99"));
    }

    private void registerControl() {
        app.post("/__simulator/faults", ctx -> {
            JsonNode f = JSON.readTree(ctx.body());
            Faults.Target t = faults.on(text(f, "method"), text(f, "path"));
            int count = f.path("count").asInt(1);
            switch (f.path("kind").asText()) {
                case "rateLimit": t.rateLimit(count, f.path("retryAfterSeconds").asInt(1)); break;
                case "status": t.status(count, f.path("status").asInt(503)); break;
                case "delay": t.delay(count, f.path("delayMillis").asLong(1000)); break;
                case "drop": t.drop(count); break;
                case "commitThenDrop": t.commitThenDrop(count); break;
                default:
                    ctx.status(400).result("kind must be rateLimit, status, delay, drop or commitThenDrop");
                    return;
            }
            ctx.status(204);
        });
        app.delete("/__simulator/faults", ctx -> {
            faults.clear();
            ctx.status(204);
        });
        app.post("/__simulator/down", ctx -> {
            faults.down(JSON.readTree(ctx.body()).path("down").asBoolean(true));
            ctx.status(204);
        });
        app.post("/__simulator/expire-tokens", ctx -> {
            expireTokens();
            ctx.status(204);
        });
        app.post("/__simulator/errors-with-status-200", ctx -> {
            errorsWithStatus200(JSON.readTree(ctx.body()).path("enabled").asBoolean(true));
            ctx.status(204);
        });
        app.post("/__simulator/catalog/products", ctx -> {
            Catalog.Product p = DemoCatalog.fromJson(catalog, JSON.readTree(ctx.body()));
            ctx.json(Map.of("id", p.id(), "ratePlans", p.ratePlans().stream().map(rp -> Map.of("id", rp.id(), "name", rp.name(),
                    "charges", rp.charges().stream().map(c -> Map.of("id", c.id(), "name", c.name())).toList())).toList()));
        });
        app.get("/__simulator/tax-rates", ctx -> ctx.contentType("application/json")
                .result(JSON.writeValueAsString(taxRates.all().values())));
        // replaces the table: {"rates": [{"country": "DE", "taxCode": "", "rate": "0.19", "name": "VAT"}]}
        app.put("/__simulator/tax-rates", ctx -> {
            JsonNode b = JSON.readTree(ctx.body());
            if (!b.path("rates").isArray()) {
                ctx.status(400).result("rates must be an array of {country, taxCode, rate, name}");
                return;
            }
            TaxRates fresh = new TaxRates();
            try {
                for (JsonNode r : b.get("rates")) {
                    fresh.put(text(r, "country"), text(r, "taxCode"), text(r, "rate"), text(r, "name"));
                }
            } catch (RuntimeException e) {
                ctx.status(400).result("invalid tax rate: " + e.getMessage());
                return;
            }
            synchronized (state) {
                taxRates.clear();
                fresh.all().values().forEach(r -> taxRates.put(r.country(), r.taxCode(), r.rate().toPlainString(), r.name()));
            }
            ctx.status(204);
        });
        app.get("/__simulator/hosted-pages", ctx -> ctx.json(Map.copyOf(hostedPages)));
        // adds or changes a page: {"pageId": "my-card", "type": "CreditCard" | "SEPA"}
        app.post("/__simulator/hosted-pages", ctx -> {
            JsonNode b = JSON.readTree(ctx.body());
            try {
                String pageId = text(b, "pageId");
                if (pageId == null || pageId.isBlank()) throw new IllegalArgumentException("pageId is required");
                hostedPages.put(pageId, HostedPages.checkType(text(b, "type")));
            } catch (IllegalArgumentException e) {
                ctx.status(400).result(e.getMessage());
                return;
            }
            ctx.status(204);
        });
        app.get("/__simulator/bill-runs", ctx -> {
            com.fasterxml.jackson.databind.node.ArrayNode runs = JSON.createArrayNode();
            for (SimulatorState.BillRunView r : state.billRuns()) {
                ObjectNode n = runs.addObject().put("id", r.id()).put("billRunNumber", r.billRunNumber())
                        .put("status", r.status()).put("targetDate", r.targetDate().toString())
                        .put("invoiceDate", r.invoiceDate().toString());
                r.invoiceIds().forEach(n.putArray("invoiceIds")::add);
            }
            ctx.contentType("application/json").result(JSON.writeValueAsString(runs));
        });
        app.get("/__simulator/state", ctx -> {
            ObjectNode s = JSON.createObjectNode();
            s.put("accounts", state.accountCount());
            s.put("subscriptions", state.subscriptionCount());
            s.put("subscriptionVersions", state.subscriptionVersions().size());
            s.put("orders", state.orderCount());
            s.put("invoices", state.invoiceCount());
            s.put("paymentMethods", state.paymentMethodCount());
            s.put("billRuns", state.billRuns().size());
            s.put("idempotencyKeys", state.idempotencyKeys().size());
            s.put("requests", state.requests().size());
            s.set("invalidRequests", JSON.valueToTree(state.invalidRequests().stream().map(Object::toString).toList()));
            s.set("invalidResponses", JSON.valueToTree(invalidResponses()));
            ctx.contentType("application/json").result(JSON.writeValueAsString(s));
        });
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
