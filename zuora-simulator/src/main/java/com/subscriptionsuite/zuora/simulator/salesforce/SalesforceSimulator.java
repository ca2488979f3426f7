package com.subscriptionsuite.zuora.simulator.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Salesforce org holding Zuora Quotes, for the quote source's tests: the OAuth 2.0 token
 * endpoint ({@code POST /services/oauth2/token}, client credentials and username-password), the SOQL
 * queries the engine sends ({@code GET /services/data/vXX.X/query?q=}) over {@code zqu__Quote__c} and
 * {@code zqu__QuoteRatePlanCharge__c}, and the quote's update ({@code PATCH
 * /services/data/vXX.X/sobjects/zqu__Quote__c/{id}}). It answers as Salesforce does, errors in
 * Salesforce's shape {@code [{"message", "errorCode"}]}: 401 {@code INVALID_SESSION_ID} for a token
 * that is unknown or expired ({@link #expireTokens}), 400 {@code MALFORMED_QUERY} for a query of
 * another shape, 400 {@code INVALID_FIELD} for a field the object lacks, 404 {@code NOT_FOUND} for an
 * unknown record or resource. On demand it is down (503 {@code SERVER_UNAVAILABLE}) or slow.
 * <p>
 * Only the query shapes the adapter sends are parsed: a field list, one object, one equality on the
 * record id (or, for charges, on the quote through the rate plan), an optional ORDER BY of known
 * fields. Everything else is refused, as an org would refuse a malformed statement.
 */
public final class SalesforceSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern QUOTE_QUERY = Pattern.compile(
            "SELECT (.+) FROM zqu__Quote__c WHERE Id = '([A-Za-z0-9]{15}|[A-Za-z0-9]{18})'");
    private static final Pattern CHARGES_QUERY = Pattern.compile(
            "SELECT (.+) FROM zqu__QuoteRatePlanCharge__c WHERE zqu__QuoteRatePlan__r\\.zqu__Quote__c = "
                    + "'([A-Za-z0-9]{15}|[A-Za-z0-9]{18})'(?: ORDER BY ([A-Za-z_.]+(?:, [A-Za-z_.]+)*))?");
    private static final List<String> CONTACT = List.of("FirstName", "LastName", "MailingStreet", "MailingCity",
            "MailingState", "MailingPostalCode", "MailingCountry", "Email", "Phone", "Fax");
    private static final Set<String> QUOTE_FIELDS = quoteFields();
    private static final Set<String> CHARGE_FIELDS = Set.of("Id", "zqu__QuoteRatePlan__c",
            "zqu__QuoteRatePlan__r.zqu__ProductRatePlanZuoraId__c", "zqu__QuoteRatePlan__r.zqu__AmendmentType__c",
            "zqu__QuoteRatePlan__r.zqu__Quote__c", "zqu__ProductRatePlanChargeZuoraId__c", "zqu__Quantity__c",
            "zqu__EffectivePrice__c");
    private static final Set<String> UPDATABLE = Set.of("zqu__Status__c", "zqu__Customer_Acceptance_Date__c");

    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final Javalin app;
    private final Map<String, SalesforceQuote> quotes = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger tokenCount = new AtomicInteger();
    private final AtomicInteger queries = new AtomicInteger();
    private final java.util.List<String> queryRequestIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger updates = new AtomicInteger();
    private final List<String> rejected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean updatesDown;
    private volatile Duration delay = Duration.ZERO;

    private SalesforceSimulator(String clientId, String clientSecret, String username, String password) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.username = username;
        this.password = password;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        app.before(ctx -> {
            Duration d = delay;
            if (!d.isZero()) {
                Thread.sleep(d.toMillis());
            }
        });
        app.post("/services/oauth2/token", this::token);
        app.get("/services/data/{version}/query", this::query);
        app.patch("/services/data/{version}/sobjects/{object}/{id}", this::update);
        app.error(404, ctx -> {
            if (ctx.attribute("sfsim.handled") == null) {
                error(ctx, 404, "NOT_FOUND", "The requested resource does not exist");
            }
        });
        app.start("127.0.0.1", 0);
    }

    /** An org whose connected app is {@code sim-client}/{@code sim-secret}, user {@code engine@example.com}. */
    public static SalesforceSimulator start() {
        return new SalesforceSimulator("sim-client", "sim-secret", "engine@example.com", "sim-password");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Stores the quote with a new 18-character record id (rate plans and charges get ids too); the quote's id. */
    public String addQuote(SalesforceQuote quote) {
        quote.id = nextId("a0Q");
        List<SalesforceQuote.Plan> plans = new ArrayList<>();
        for (SalesforceQuote.Plan p : quote.plans) {
            List<SalesforceQuote.Charge> charges = new ArrayList<>();
            for (SalesforceQuote.Charge c : p.charges()) {
                charges.add(new SalesforceQuote.Charge(nextId("a0R"), c.productRatePlanChargeZuoraId(), c.quantity(),
                        c.effectivePrice()));
            }
            plans.add(new SalesforceQuote.Plan(nextId("a0P"), p.productRatePlanZuoraId(), p.amendmentType(), charges));
        }
        quote.plans.clear();
        quote.plans.addAll(plans);
        quotes.put(quote.id, quote);
        return quote.id;
    }

    public SalesforceQuote quote(String id) {
        return quotes.get(id);
    }

    /** Answers every request with 503 {@code SERVER_UNAVAILABLE} while true. */
    public void down(boolean down) {
        this.down = down;
    }

    /** Answers every update (PATCH) with 503 {@code SERVER_UNAVAILABLE} while true; reads still work. */
    public void updatesDown(boolean down) {
        this.updatesDown = down;
    }

    /** Waits this long before answering each request. */
    public void slow(Duration delay) {
        this.delay = delay;
    }

    /** Every token handed out so far becomes invalid (as a session that timed out). */
    public void expireTokens() {
        tokens.clear();
    }

    public int tokensIssued() {
        return tokenCount.get();
    }

    /** The {@code X-Request-Id} each query came with, in order ("" where none was sent). */
    public java.util.List<String> queryRequestIds() {
        return java.util.List.copyOf(queryRequestIds);
    }

    public int queries() {
        return queries.get();
    }

    public int updates() {
        return updates.get();
    }

    /** The requests it refused as malformed (query text or body), for tests to assert none. */
    public List<String> rejectedRequests() {
        return List.copyOf(rejected);
    }

    @Override
    public void close() {
        app.stop();
    }

    private String nextId(String prefix) {
        String n = Integer.toString(ids.incrementAndGet(), 36).toUpperCase(java.util.Locale.ROOT);
        return prefix + "0".repeat(15 - n.length()) + n;
    }

    // ---- endpoints --------------------------------------------------------------------------------

    private boolean unavailable(Context ctx) {
        if (down) {
            error(ctx, 503, "SERVER_UNAVAILABLE", "The server is temporarily unavailable");
            return true;
        }
        return false;
    }

    private void token(Context ctx) {
        ctx.attribute("sfsim.handled", true);
        if (unavailable(ctx)) {
            return;
        }
        String grant = ctx.formParam("grant_type");
        boolean client = clientId.equals(ctx.formParam("client_id")) && clientSecret.equals(ctx.formParam("client_secret"));
        if (!"client_credentials".equals(grant) && !"password".equals(grant)) {
            oauthError(ctx, "unsupported_grant_type", "grant type not supported");
            return;
        }
        if (!client) {
            oauthError(ctx, "invalid_client_id", "client identifier invalid");
            return;
        }
        if ("password".equals(grant) && !(username.equals(ctx.formParam("username"))
                && password.equals(ctx.formParam("password")))) {
            oauthError(ctx, "invalid_grant", "authentication failure");
            return;
        }
        String token = "00Dsim!" + java.util.UUID.randomUUID().toString().replace("-", "");
        tokens.add(token);
        tokenCount.incrementAndGet();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("instance_url", baseUrl());
        answer.put("id", baseUrl() + "/id/00Dsim/005sim");
        answer.put("token_type", "Bearer");
        answer.put("issued_at", Long.toString(System.currentTimeMillis()));
        answer.put("signature", "c2ltdWxhdGVk");
        write(ctx, 200, answer);
    }

    private boolean authorised(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !tokens.contains(header.substring(7))) {
            error(ctx, 401, "INVALID_SESSION_ID", "Session expired or invalid");
            return false;
        }
        return true;
    }

    private static boolean version(Context ctx) {
        if (!ctx.pathParam("version").matches("v\\d{2,3}\\.0")) {
            error(ctx, 404, "NOT_FOUND", "The requested resource does not exist");
            return false;
        }
        return true;
    }

    private void query(Context ctx) {
        ctx.attribute("sfsim.handled", true);
        if (unavailable(ctx) || !version(ctx) || !authorised(ctx)) {
            return;
        }
        queries.incrementAndGet();
        queryRequestIds.add(java.util.Objects.requireNonNullElse(ctx.header("X-Request-Id"), ""));
        String soql = ctx.queryParam("q");
        if (soql == null) {
            error(ctx, 400, "MALFORMED_QUERY", "A query string has to be specified");
            return;
        }
        Matcher quote = QUOTE_QUERY.matcher(soql);
        Matcher charges = CHARGES_QUERY.matcher(soql);
        List<Map<String, Object>> records = new ArrayList<>();
        if (quote.matches()) {
            List<String> fields = fields(ctx, quote.group(1), QUOTE_FIELDS, "zqu__Quote__c");
            if (fields == null) {
                return;
            }
            SalesforceQuote q = quotes.get(quote.group(2));
            if (q != null) {
                records.add(quoteRecord(ctx, q, fields));
            }
        } else if (charges.matches()) {
            List<String> fields = fields(ctx, charges.group(1), CHARGE_FIELDS, "zqu__QuoteRatePlanCharge__c");
            if (fields == null) {
                return;
            }
            if (charges.group(3) != null) {
                for (String order : charges.group(3).split(", ")) {
                    if (!CHARGE_FIELDS.contains(order)) {
                        invalidField(ctx, order, "zqu__QuoteRatePlanCharge__c");
                        return;
                    }
                }
            }
            SalesforceQuote q = quotes.get(charges.group(2));
            if (q != null) {
                for (SalesforceQuote.Plan p : q.plans) {
                    for (SalesforceQuote.Charge c : p.charges()) {
                        records.add(chargeRecord(ctx, q, p, c, fields));
                    }
                }
            }
        } else {
            rejected.add(soql);
            error(ctx, 400, "MALFORMED_QUERY", "unexpected token in: " + soql);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("totalSize", records.size());
        answer.put("done", true);
        answer.put("records", records);
        write(ctx, 200, answer);
    }

    private List<String> fields(Context ctx, String list, Set<String> known, String object) {
        List<String> fields = new ArrayList<>();
        for (String f : list.split(",")) {
            String field = f.strip();
            if (field.isEmpty()) {
                rejected.add(list);
                error(ctx, 400, "MALFORMED_QUERY", "unexpected token: ','");
                return null;
            }
            if (!known.contains(field)) {
                rejected.add(field);
                invalidField(ctx, field, object);
                return null;
            }
            fields.add(field);
        }
        return fields;
    }

    private static void invalidField(Context ctx, String field, String object) {
        error(ctx, 400, "INVALID_FIELD", "No such column '" + field + "' on entity '" + object + "'. If you are "
                + "attempting to use a custom field, be sure to append the '__c' after the custom field name.");
    }

    private static Map<String, Object> attributes(Context ctx, String type, String id) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", type);
        a.put("url", "/services/data/" + ctx.pathParam("version") + "/sobjects/" + type + "/" + id);
        return a;
    }

    private static Map<String, Object> quoteRecord(Context ctx, SalesforceQuote q, List<String> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("Id", q.id);
        all.put("Name", q.name);
        all.put("zqu__Number__c", q.number);
        all.put("zqu__Currency__c", q.currency);
        all.put("zqu__ValidUntil__c", q.validUntil == null ? null : q.validUntil.toString());
        all.put("zqu__StartDate__c", q.startDate == null ? null : q.startDate.toString());
        all.put("zqu__InitialTerm__c", q.initialTerm);
        all.put("zqu__Status__c", q.status);
        all.put("zqu__Customer_Acceptance_Date__c", q.acceptanceDate == null ? null : q.acceptanceDate.toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", attributes(ctx, "zqu__Quote__c", q.id));
        for (String f : fields) {
            if (f.startsWith("zqu__Account__r.")) {
                nested(record, "zqu__Account__r", "Account", f, q.accountName == null ? null
                        : Map.of("Name", q.accountName), ctx);
            } else if (f.startsWith("zqu__BillToContact__r.")) {
                nested(record, "zqu__BillToContact__r", "Contact", f, q.billTo, ctx);
            } else if (f.startsWith("zqu__SoldToContact__r.")) {
                nested(record, "zqu__SoldToContact__r", "Contact", f, q.soldTo, ctx);
            } else {
                record.put(f, all.get(f));
            }
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    private static void nested(Map<String, Object> record, String relation, String type, String field,
            Map<String, Object> values, Context ctx) {
        if (values == null) {
            record.put(relation, null);
            return;
        }
        Map<String, Object> related = (Map<String, Object>) record.computeIfAbsent(relation, k -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("attributes", attributes(ctx, type, "003sim"));
            return r;
        });
        String name = field.substring(field.indexOf('.') + 1);
        related.put(name, values.get(name));
    }

    private static Map<String, Object> chargeRecord(Context ctx, SalesforceQuote q, SalesforceQuote.Plan p,
            SalesforceQuote.Charge c, List<String> fields) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", attributes(ctx, "zqu__QuoteRatePlanCharge__c", c.id()));
        Map<String, Object> plan = null;
        for (String f : fields) {
            switch (f) {
                case "Id" -> record.put(f, c.id());
                case "zqu__QuoteRatePlan__c" -> record.put(f, p.id());
                case "zqu__ProductRatePlanChargeZuoraId__c" -> record.put(f, c.productRatePlanChargeZuoraId());
                case "zqu__Quantity__c" -> record.put(f, c.quantity());
                case "zqu__EffectivePrice__c" -> record.put(f, c.effectivePrice());
                default -> {
                    if (plan == null) {
                        plan = new LinkedHashMap<>();
                        plan.put("attributes", attributes(ctx, "zqu__QuoteRatePlan__c", p.id()));
                        record.put("zqu__QuoteRatePlan__r", plan);
                    }
                    String name = f.substring(f.indexOf('.') + 1);
                    plan.put(name, switch (name) {
                        case "zqu__ProductRatePlanZuoraId__c" -> p.productRatePlanZuoraId();
                        case "zqu__AmendmentType__c" -> p.amendmentType();
                        default -> q.id;
                    });
                }
            }
        }
        return record;
    }

    private void update(Context ctx) {
        ctx.attribute("sfsim.handled", true);
        if (unavailable(ctx) || !version(ctx) || !authorised(ctx)) {
            return;
        }
        if (updatesDown) {
            error(ctx, 503, "SERVER_UNAVAILABLE", "The server is temporarily unavailable");
            return;
        }
        if (!"zqu__Quote__c".equals(ctx.pathParam("object"))) {
            error(ctx, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }
        SalesforceQuote q = quotes.get(ctx.pathParam("id"));
        if (q == null) {
            error(ctx, 404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: "
                    + ctx.pathParam("id"));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            rejected.add(ctx.body());
            error(ctx, 400, "JSON_PARSER_ERROR", "The request body is not JSON");
            return;
        }
        if (body == null || !body.isObject()) {
            rejected.add(ctx.body());
            error(ctx, 400, "JSON_PARSER_ERROR", "The request body must be an object");
            return;
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!UPDATABLE.contains(field)) {
                rejected.add(field);
                error(ctx, 400, "INVALID_FIELD", "No such column '" + field + "' on sobject of type zqu__Quote__c");
                return;
            }
        }
        LocalDate acceptance = null;
        if (body.has("zqu__Customer_Acceptance_Date__c")) {
            try {
                acceptance = LocalDate.parse(body.get("zqu__Customer_Acceptance_Date__c").asText());
            } catch (Exception e) {
                error(ctx, 400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Customer Acceptance Date: value not of required type");
                return;
            }
        }
        updates.incrementAndGet();
        synchronized (q) {
            if (body.has("zqu__Status__c")) {
                q.status = body.get("zqu__Status__c").asText();
            }
            if (acceptance != null) {
                q.acceptanceDate = acceptance;
            }
        }
        ctx.status(204);
    }

    private static void oauthError(Context ctx, String error, String description) {
        write(ctx, 400, Map.of("error", error, "error_description", description));
    }

    private static void error(Context ctx, int status, String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("errorCode", code);
        write(ctx, status, List.of(e));
    }

    private static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json;charset=UTF-8").result(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> quoteFields() {
        Set<String> fields = new java.util.HashSet<>(Set.of("Id", "Name", "zqu__Number__c", "zqu__Currency__c",
                "zqu__ValidUntil__c", "zqu__StartDate__c", "zqu__InitialTerm__c", "zqu__Status__c",
                "zqu__Customer_Acceptance_Date__c", "zqu__Account__r.Name"));
        for (String relation : List.of("zqu__BillToContact__r", "zqu__SoldToContact__r")) {
            for (String f : CONTACT) {
                fields.add(relation + "." + f);
            }
        }
        return Set.copyOf(fields);
    }

}
