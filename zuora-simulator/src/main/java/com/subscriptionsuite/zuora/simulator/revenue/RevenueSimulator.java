package com.subscriptionsuite.zuora.simulator.revenue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server that plays one Zuora Revenue tenant's integration API (seed 000): the seven
 * operations of {@code zuora-revenue-integration-subset.yaml}, a copy of
 * {@code shared/reference/zuora-revenue-integration-subset.yaml} kept unchanged in
 * {@code src/main/resources/revenue/}. Every request is checked against it (swagger-request-validator);
 * one that breaks it is answered 400 and recorded in {@link #invalidRequests()} (a test asserts the list
 * is empty); every 2xx JSON answer is checked too ({@link #invalidResponses()}).
 * <p>
 * As Zuora Revenue (zuora-api.md §9): {@code POST /api/integration/v1/authenticate} with basic
 * credentials and the {@code role} and {@code clientname} headers answers the token in the
 * {@code Revpro-Token} response header, valid {@link Options#tokenTtl} (30 minutes); later calls send it
 * as {@code token}, and an expired or unknown one is 401. With the API service disabled
 * ({@link #apiEnabled(boolean)}) every request is 405. A CSV upload is all or nothing: a header that is
 * not the template's labels, a value that is not a number or a date in the template's format, or an item
 * the tenant refuses ({@link #refuseItem}) fails the whole upload (400, status "Failed"); otherwise it is
 * staged ("Successfully Uploaded") and lines whose item has a staging rule ({@link #stageErrorForItem})
 * show up in {@code GET /api/integration/v1/stage/error/transaction}.
 */
public final class RevenueSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevenueSimulator.class);
    public static final String SPEC_RESOURCE = "/revenue/zuora-revenue-integration-subset.yaml";
    public static final String TOKEN_HEADER = "Revpro-Token";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLIENT_ID = 1;
    private static volatile OpenApiInteractionValidator sharedValidator;

    /** How the simulated tenant is set up. */
    public static final class Options {
        int port;
        String user = "revenue-api-user";
        String password = "revenue-simulator-password-not-a-real-one";
        String role = "API Role";
        String clientName = "Default";
        String template = "Suite Sales Orders";
        String dateFormat = "DD-MON-YYYY";
        List<Column> mapping = standardMapping();
        Clock clock = Clock.systemUTC();
        Duration tokenTtl = Duration.ofMinutes(30);

        public Options port(int p) { this.port = p; return this; }
        public Options user(String u) { this.user = u; return this; }
        public Options password(String p) { this.password = p; return this; }
        public Options role(String r) { this.role = r; return this; }
        public Options clientName(String c) { this.clientName = c; return this; }
        public Options template(String t) { this.template = t; return this; }
        public Options dateFormat(String f) { this.dateFormat = f; return this; }
        public Options mapping(List<Column> m) { this.mapping = List.copyOf(m); return this; }
        public Options clock(Clock c) { this.clock = c; return this; }
        public Options tokenTtl(Duration d) { this.tokenTtl = d; return this; }
    }

    /** A column of the upload template: staging field name, label, data type (VARCHAR2, NUMBER, DATE). */
    public record Column(String colName, String label, String dataType) {
    }

    /** An upload as received: its id, file name, template, rows (label → value) and status. */
    public record Upload(long id, String filename, String template, List<Map<String, String>> rows, String status,
            String message) {
    }

    public record InvalidRequest(String method, String path, List<String> messages) {
    }

    public record RecordedRequest(String method, String path, int status) {
    }

    private record StageError(long id, long uploadId, String type, String soNum, String soLineNum, String message,
            Instant at) {
    }

    private final Options options;
    private final Javalin app;
    private final int port;
    private final OpenApiInteractionValidator validator;
    private volatile Clock clock;
    private volatile boolean apiEnabled = true;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Set<String> refusedItems = ConcurrentHashMap.newKeySet();
    private final Map<String, String> stagingRules = new ConcurrentHashMap<>();
    private final Map<Long, Upload> uploads = new ConcurrentHashMap<>();
    private final List<StageError> stageErrors = new CopyOnWriteArrayList<>();
    private final List<InvalidRequest> invalidRequests = new CopyOnWriteArrayList<>();
    private final List<String> invalidResponses = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);

    public static Options options() {
        return new Options();
    }

    public static RevenueSimulator start(int port) {
        return start(options().port(port));
    }

    public static RevenueSimulator start(Options options) {
        return new RevenueSimulator(options);
    }

    private RevenueSimulator(Options o) {
        this.options = o;
        this.clock = o.clock;
        this.validator = validator();
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        route(HandlerType.POST, "/api/integration/v1/authenticate", this::authenticate, false);
        route(HandlerType.GET, "/api/integration/v1/upload/mapping", this::mapping, true);
        route(HandlerType.POST, "/api/integration/v1/csv/upload", this::upload, true);
        route(HandlerType.GET, "/api/integration/v1/csv/upload/status", this::status, true);
        route(HandlerType.GET, "/api/integration/v1/stage/error/{errortype}", this::errors, true);
        for (HandlerType type : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE)) {
            route(type, "/api/integration/*", ctx -> answer(404, error("Not found: " + ctx.path())), true);
        }
        app.start("127.0.0.1", o.port);
        this.port = app.port();
    }

    // ------------------------------------------------------------------ public API

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String user() {
        return options.user;
    }

    public String password() {
        return options.password;
    }

    public String role() {
        return options.role;
    }

    public String clientName() {
        return options.clientName;
    }

    public String template() {
        return options.template;
    }

    /** Disabled: every request answers 405, as Zuora Revenue does for a tenant without the API service. */
    public void apiEnabled(boolean enabled) {
        this.apiEnabled = enabled;
    }

    /** Every token issued so far expires: the next call with one answers 401. */
    public void expireTokens() {
        tokens.replaceAll((t, at) -> Instant.MIN);
    }

    public void clock(Clock newClock) {
        this.clock = newClock;
    }

    /** An upload with a line of this item fails as a whole (e.g. an item Zuora Revenue does not know). */
    public void refuseItem(String item) {
        refusedItems.add(item);
    }

    /** The item is known now (the fix of a refused item). */
    public void acceptItem(String item) {
        refusedItems.remove(item);
    }

    /** Lines of this item are staged but reported as transaction staging errors with the message. */
    public void stageErrorForItem(String item, String message) {
        stagingRules.put(item, message);
    }

    public void clearStagingRules() {
        stagingRules.clear();
    }

    /** Every upload received (staged or failed), oldest first. */
    public List<Upload> uploads() {
        return uploads.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    public List<InvalidRequest> invalidRequests() {
        return List.copyOf(invalidRequests);
    }

    public List<String> invalidResponses() {
        return List.copyOf(invalidResponses);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        app.stop();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        for (String a : args) {
            if (a.startsWith("--port=")) {
                port = Integer.parseInt(a.substring(7));
            }
        }
        RevenueSimulator sim = start(options().port(port));
        System.out.println("Zuora Revenue simulator on " + sim.baseUrl() + " user=" + sim.user() + " password="
                + sim.password() + " role=" + sim.role() + " clientname=" + sim.clientName() + " template="
                + sim.template());
        Thread.currentThread().join();
    }

    /** The template the simulator serves by default: the engine's standard columns. */
    public static List<Column> standardMapping() {
        return List.of(new Column("TYPE", "Type", "VARCHAR2"), new Column("SO_NUM", "Sales Order Number", "VARCHAR2"),
                new Column("SO_LINE_NUM", "Sales Order Line Number", "VARCHAR2"),
                new Column("SO_LINE_ID", "Sales Order Line ID", "VARCHAR2"),
                new Column("SO_BOOK_DATE", "Booking Date", "DATE"),
                new Column("CUSTOMER_NUM", "Customer Number", "VARCHAR2"),
                new Column("CUSTOMER_NAME", "Customer Name", "VARCHAR2"),
                new Column("ITEM_NUM", "Item Number", "VARCHAR2"), new Column("ORD_QTY", "Quantity", "NUMBER"),
                new Column("CURR", "Currency", "VARCHAR2"), new Column("UNIT_LIST_PRC", "Unit List Price", "NUMBER"),
                new Column("UNIT_SELL_PRC", "Unit Sell Price", "NUMBER"),
                new Column("EXT_LIST_PRC", "Extended List Price", "NUMBER"),
                new Column("EXT_SELL_PRC", "Extended Sell Price", "NUMBER"),
                new Column("START_DATE", "Start Date", "DATE"), new Column("END_DATE", "End Date", "DATE"));
    }

    // ------------------------------------------------------------------ pipeline

    private record Answer(int status, Object body, Map<String, String> headers) {
    }

    private static Answer answer(int status, Object body) {
        return new Answer(status, body, Map.of());
    }

    private void route(HandlerType type, String path, Function<Context, Answer> endpoint, boolean needsToken) {
        app.addHttpHandler(type, path, ctx -> {
            Answer a = process(ctx, endpoint, needsToken);
            requests.add(new RecordedRequest(ctx.method().name(), ctx.path(), a.status()));
            write(ctx, a);
        });
    }

    private Answer process(Context ctx, Function<Context, Answer> endpoint, boolean needsToken) {
        if (!apiEnabled) {
            return answer(405, JSON.createObjectNode().put("message", "Method Not Allowed: the API service is not"
                    + " enabled for this tenant").put("status", "Error"));
        }
        List<String> invalid = validate(ctx);
        if (!invalid.isEmpty()) {
            invalidRequests.add(new InvalidRequest(ctx.method().name(), ctx.path(), invalid));
            LOG.warn("invalid request {} {}: {}", ctx.method(), ctx.path(), invalid);
            return answer(400, error("Invalid request: " + String.join("; ", invalid)));
        }
        if (needsToken) {
            String token = ctx.header("token");
            Instant expiry = token == null ? null : tokens.get(token);
            if (expiry == null || !clock.instant().isBefore(expiry)) {
                return answer(401, JSON.createObjectNode().put("message", token == null ? "Token is missing"
                        : "Token is invalid or expired").put("status", "Error"));
            }
        }
        Answer a;
        try {
            a = endpoint.apply(ctx);
        } catch (RuntimeException e) {
            LOG.error("simulator failure on {} {}", ctx.method(), ctx.path(), e);
            a = answer(500, error("internal error: " + e));
        }
        if (a.status() >= 200 && a.status() < 300 && a.body() instanceof ObjectNode) {
            checkResponse(ctx, a);
        }
        return a;
    }

    private static void write(Context ctx, Answer a) {
        ctx.status(a.status());
        a.headers().forEach(ctx::header);
        if (a.body() != null) {
            ctx.contentType("application/json; charset=utf-8");
            try {
                ctx.result(JSON.writeValueAsBytes(a.body()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("message", message).put("status", "Error");
    }

    // ------------------------------------------------------------------ operations

    private Answer authenticate(Context ctx) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((options.user + ":" + options.password)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ctx.header("Authorization")) || !options.role.equals(ctx.header("role"))
                || !options.clientName.equals(ctx.header("clientname"))) {
            return answer(401, JSON.createObjectNode().put("Message", "Invalid user name, password, role or client"
                    + " name").put("status", "Error"));
        }
        String token = "eyJ" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock.instant().plus(options.tokenTtl));
        return new Answer(200, JSON.createObjectNode().put("Message", "Token Generated").put("status", "success"),
                Map.of(TOKEN_HEADER, token));
    }

    private Answer mapping(Context ctx) {
        if (!options.template.equals(ctx.queryParam("templatename"))) {
            return answer(400, null);
        }
        ObjectNode body = JSON.createObjectNode().put("Dateformat", options.dateFormat);
        ArrayNode mapping = body.putArray("Mapping");
        for (int i = 0; i < options.mapping.size(); i++) {
            Column c = options.mapping.get(i);
            mapping.addObject().put("id", 100 + i).put("client_id", CLIENT_ID).put("col_name", c.colName())
                    .put("label", c.label()).put("data_type", c.dataType()).put("seq", i + 1).put("upload_id", 7);
        }
        return answer(200, body);
    }

    private Answer upload(Context ctx) {
        long id = ids.incrementAndGet();
        String template = ctx.header("templatename");
        String filename = ctx.header("filename");
        if (!options.template.equals(template)) {
            return failed(id, filename, template, List.of(), "Template " + template + " not found");
        }
        List<List<String>> rows;
        try {
            rows = Csv.parse(ctx.body());
        } catch (IllegalArgumentException e) {
            return failed(id, filename, template, List.of(), "Malformed CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            return failed(id, filename, template, List.of(), "No header row");
        }
        List<String> labels = options.mapping.stream().map(Column::label).toList();
        if (!rows.get(0).equals(labels)) {
            return failed(id, filename, template, List.of(), "The header row does not match the labels of template "
                    + template + ": expected " + labels + ", got " + rows.get(0));
        }
        DateTimeFormatter dates = formatter(options.dateFormat);
        List<Map<String, String>> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != labels.size()) {
                return failed(id, filename, template, records, "Line " + r + " has " + row.size() + " values, "
                        + labels.size() + " expected");
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int c = 0; c < labels.size(); c++) {
                Column column = options.mapping.get(c);
                String value = row.get(c);
                String problem = check(column, value, dates);
                if (problem != null) {
                    return failed(id, filename, template, records, "Line " + r + ", " + column.label() + ": "
                            + problem);
                }
                record.put(column.colName(), value);
            }
            String item = record.get("ITEM_NUM");
            if (item != null && refusedItems.contains(item)) {
                return failed(id, filename, template, records, "Line " + r + ": item " + item + " does not exist");
            }
            records.add(record);
        }
        Upload upload = new Upload(id, filename, template, List.copyOf(records), "Successfully Uploaded",
                "Data Received");
        uploads.put(id, upload);
        for (Map<String, String> record : records) {
            String rule = stagingRules.get(record.getOrDefault("ITEM_NUM", ""));
            if (rule != null) {
                stageErrors.add(new StageError(ids.incrementAndGet(), id, "SO", record.get("SO_NUM"),
                        record.get("SO_LINE_NUM"), rule, clock.instant()));
            }
        }
        ObjectNode body = JSON.createObjectNode().put("message", "Data Staged Successfully").put("status", "Success");
        body.putObject("result").put("id", id).put("client_id", CLIENT_ID).put("status", "Staged")
                .put("message", records.size() + " lines staged");
        return answer(200, body);
    }

    private Answer failed(long id, String filename, String template, List<Map<String, String>> rows, String why) {
        uploads.put(id, new Upload(id, filename, template, List.copyOf(rows), "Failed", why));
        ObjectNode body = JSON.createObjectNode().put("message", "Error loading Data into Staging Area")
                .put("status", "Error");
        body.putObject("result").put("id", id).put("client_id", CLIENT_ID).put("status", "Failed").put("message", why);
        return answer(400, body);
    }

    private static String check(Column column, String value, DateTimeFormatter dates) {
        if (value.isEmpty()) {
            return null;
        }
        if ("NUMBER".equalsIgnoreCase(column.dataType())) {
            try {
                new BigDecimal(value);
            } catch (NumberFormatException e) {
                return "not a number: " + value;
            }
        } else if ("DATE".equalsIgnoreCase(column.dataType())) {
            try {
                LocalDate.parse(value, dates);
            } catch (DateTimeParseException e) {
                return "not a date in the template's format: " + value;
            }
        }
        return null;
    }

    private Answer status(Context ctx) {
        Upload upload = uploads.get(Long.parseLong(ctx.queryParam("id")));
        if (upload == null) {
            return answer(400, JSON.createObjectNode().put("Result", "").put("message", "No data found")
                    .put("status", "Error"));
        }
        ObjectNode body = JSON.createObjectNode().put("status", "Success");
        body.putObject("result").put("id", upload.id()).put("client_id", CLIENT_ID).put("status", upload.status())
                .put("message", upload.message());
        return answer(200, body);
    }

    private Answer errors(Context ctx) {
        String type = ctx.pathParam("errortype");
        List<StageError> found = "transaction".equals(type) ? stageErrors : List.of();
        if (found.isEmpty()) {
            return answer(204, null);
        }
        ObjectNode body = JSON.createObjectNode().put("status", "Success");
        ArrayNode result = body.putArray("Result");
        for (StageError e : found) {
            result.addObject().put("id", e.id()).put("client_id", CLIENT_ID).put("upload_id", String.valueOf(e.uploadId()))
                    .put("so_num", e.soNum()).put("so_line_num", e.soLineNum()).put("so_line_id", e.soNum() + "-"
                            + e.soLineNum()).put("type", e.type()).put("err_msg", e.message())
                    .put("processed_flag", "N").put("crtd_dt", e.at().toString()).put("crtd_by", options.user);
        }
        return answer(200, body);
    }

    /** Oracle-style {@code DD-MON-YYYY} etc. as a case-insensitive parser. */
    static DateTimeFormatter formatter(String oracle) {
        String f = oracle.toUpperCase(Locale.ROOT).replace("YYYY", "yyyy").replace("MONTH", "MMMM")
                .replace("MON", "MMM").replace("DD", "dd");
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(f).toFormatter(Locale.ENGLISH);
    }

    // ------------------------------------------------------------------ validation against the API document

    private List<String> validate(Context ctx) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(ctx.method().name()), ctx.path());
        for (String name : ctx.headerMap().keySet()) {
            b.withHeader(name, ctx.req().getHeader(name));
        }
        ctx.queryParamMap().forEach(b::withQueryParam);
        String body = ctx.body();
        if (!body.isEmpty()) {
            b.withBody(body);
        }
        ValidationReport report = validator.validateRequest(b.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.toList());
    }

    private void checkResponse(Context ctx, Answer answer) {
        try {
            SimpleResponse response = SimpleResponse.Builder.status(answer.status())
                    .withContentType("application/json; charset=utf-8")
                    .withBody(JSON.writeValueAsString(answer.body())).build();
            ValidationReport report = validator.validateResponse(ctx.path(),
                    Request.Method.valueOf(ctx.method().name()), response);
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> invalidResponses.add(ctx.method() + " " + ctx.path() + ": " + m.getKey() + ": "
                            + m.getMessage()));
        } catch (IOException e) {
            invalidResponses.add(ctx.method() + " " + ctx.path() + ": " + e);
        }
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (sharedValidator == null) {
            String spec;
            try (InputStream in = RevenueSimulator.class.getResourceAsStream(SPEC_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + SPEC_RESOURCE);
                }
                spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            sharedValidator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
        }
        return sharedValidator;
    }
}
