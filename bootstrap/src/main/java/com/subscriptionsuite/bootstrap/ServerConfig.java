package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.http.access.ClientAddress;
import com.subscriptionsuite.adapters.zuora.ZuoraPaymentPages;
import com.subscriptionsuite.adapters.zuora.ZuoraSettings;
import com.subscriptionsuite.adapters.zuora.salesforce.SalesforceSettings;
import com.subscriptionsuite.adapters.zuora.revenue.RevenueSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The standalone server's configuration, read from environment variables. Every variable has a
 * default that starts the server on the embedded H2 database with the demo tenant.
 *
 * <table>
 * <tr><td>SUITE_HTTP_HOST</td><td>0.0.0.0</td></tr>
 * <tr><td>SUITE_HTTP_PORT</td><td>8080</td></tr>
 * <tr><td>SUITE_DATA_DIR</td><td>./data (the H2 file database lives here)</td></tr>
 * <tr><td>SUITE_DB_URL / SUITE_DB_USER / SUITE_DB_PASSWORD</td><td>unset: H2 file database in the data dir</td></tr>
 * <tr><td>SUITE_DB_POOL_SIZE</td><td>10: database connections at most (each request holds at most one at a time)</td></tr>
 * <tr><td>SUITE_DB_LOCK_TIMEOUT_MS / SUITE_DB_STATEMENT_TIMEOUT_MS</td><td>10000 / 60000: on PostgreSQL, each
 * connection's lock_timeout and statement_timeout (0 = none); a statement stopped by either is 503 server_busy</td></tr>
 * <tr><td>SUITE_DB_POOL_WAIT_MS</td><td>3000: how long a request waits for a free connection before 503 server_busy</td></tr>
 * <tr><td>SUITE_DEMO_TENANT</td><td>true: load the demo tenant into an empty database</td></tr>
 * <tr><td>SUITE_TENANT_FILES</td><td>comma-separated tenant files loaded at start</td></tr>
 * <tr><td>SUITE_TENANT_REFRESH_SECONDS</td><td>5: how often changes by other instances are picked up (0 = never)</td></tr>
 * <tr><td>SUITE_MAX_BODY_BYTES</td><td>65536</td></tr>
 * <tr><td>SUITE_TRUSTED_PROXIES</td><td>none: comma-separated IP addresses or CIDR blocks whose X-Forwarded-For names
 * the client (throttling, logs); without it the header is ignored</td></tr>
 * <tr><td>SUITE_SMTP_HOST</td><td>unset: mail goes to the outbox table; set: mail is sent by SMTP</td></tr>
 * <tr><td>SUITE_SMTP_PORT / _USER / _PASSWORD / _STARTTLS</td><td>587 / unset / unset / true</td></tr>
 * <tr><td>SUITE_MAIL_FROM</td><td>no-reply@localhost</td></tr>
 * <tr><td>SUITE_VOUCHER_HOLD_MINUTES</td><td>30: how long a held voucher code stays blocked for its user</td></tr>
 * <tr><td>SUITE_VIES_URL</td><td>the official VIES REST check-vat-number endpoint: where VAT IDs are checked</td></tr>
 * <tr><td>SUITE_PAYMENT_PAGE_KEY</td><td>unset: a key generated on first start and kept in the database; set (at
 * least 32 characters): the key the built-in hosted payment page is signed with</td></tr>
 * <tr><td>SUITE_PUBLIC_URL</td><td>unset: links the server hands out (the built-in PayPal approval) are relative to
 * its base; set: the absolute http(s) base URL clients reach the API at</td></tr>
 * <tr><td>SUITE_BILLING_RUN_MINUTES</td><td>60: how often the built-in ledger's bill run invoices the billing
 * periods that have started, for every tenant (0 = never; run it with {@code java -jar … bill-run})</td></tr>
 * <tr><td>SUITE_BILLING</td><td>ledger: the built-in ledger is the billing system; zuora: Zuora is, through
 * the SUITE_ZUORA_* settings (base URL, client id and secret required; see {@code ZuoraSettings})</td></tr>
 * <tr><td>SUITE_IDEMPOTENCY_LEASE_SECONDS</td><td>60: how long an Idempotency-Key stays in flight for a request that
 * has not answered (its process died); after it a retry with the same key and body runs the request. Set it above the
 * longest a request runs</td></tr>
 * <tr><td>SUITE_ZUORA_HOSTED_PAGE_URI</td><td>with SUITE_BILLING=zuora, the hosted payment pages' URI that
 * {@code POST /v1/rsa-signatures} signs for; by default the REST host without its {@code rest.} label and
 * {@code /apps/PublicHostedPageLite.do} (https://rest.test.eu.zuora.com → https://test.eu.zuora.com/apps/…)</td></tr>
 * <tr><td>SUITE_CATALOG_SYNC_MINUTES</td><td>60: with SUITE_BILLING=zuora, how often every tenant's products, rate
 * plans and charges are synced from Zuora's catalog (0 = never; 0..1440; run it with {@code java -jar … catalog-sync}
 * or {@code POST /admin/catalog/sync}); ignored with the built-in ledger</td></tr>
 * <tr><td>SUITE_QUOTES</td><td>builtin: quotes are kept in the engine's database (created by POST /admin/quote);
 * salesforce: Zuora Quotes in Salesforce, through the SUITE_SALESFORCE_* settings (login URL, client id and secret
 * required; see {@code SalesforceSettings} and docs/quotes.md)</td></tr>
 * <tr><td>SUITE_EVENTS_POLL_MILLIS</td><td>1000: how often the event consumers and webhook workers run (0 = never)</td></tr>
 * <tr><td>SUITE_EVENTS_LEASE_SECONDS</td><td>30: a consumer's lease; another instance takes over after it</td></tr>
 * <tr><td>SUITE_WEBHOOK_TIMEOUT_SECONDS</td><td>10: how long a webhook POST may take</td></tr>
 * <tr><td>SUITE_WEBHOOK_RETRY_FIRST_SECONDS / _MAX_SECONDS / SUITE_WEBHOOK_RETRY_HOURS</td><td>30 / 3600 / 24: the
 * retry schedule of a failed webhook (doubling, capped, for the window; then parked as failed)</td></tr>
 * <tr><td>SUITE_REVENUE_BASE_URL, _USER, _PASSWORD, _ROLE, _CLIENT_NAME, _TEMPLATE</td><td>unset: revenue batches
 * are written as CSV files in {@code <data dir>/revenue}; set: they are uploaded to Zuora Revenue (all six required;
 * see {@code RevenueSettings}); SUITE_REVENUE_READ_TIMEOUT_MS 120000</td></tr>
 * <tr><td>SUITE_REVENUE_BATCH_SIZE</td><td>1000: revenue lines per batch (1..20000)</td></tr>
 * <tr><td>SUITE_REVENUE_INTERVAL_SECONDS</td><td>60: how often the revenue batch job runs (0 = never; 0..86400)</td></tr>
 * <tr><td>SUITE_REVENUE_LEASE_SECONDS</td><td>300: how long an instance holds a batch it works on (30..86400;
 * longer than an upload may take)</td></tr>
 * <tr><td>SUITE_CLEANUP_MINUTES</td><td>15: how often the clean-up removes ended sessions, idle guests, expired voucher
 * holds, old idempotency records and login failures, spent payment tokens (0 = never; 0..1440; docs/housekeeping.md)</td></tr>
 * <tr><td>SUITE_CLEANUP_BATCH_SIZE</td><td>1000: rows each clean-up step removes per run at most (1..100000)</td></tr>
 * <tr><td>SUITE_CLEANUP_COMPACT_SECONDS</td><td>2: on the H2 file, how long the compaction after each clean-up may
 * run at most (0 = never; 0..600; docs/housekeeping.md)</td></tr>
 * <tr><td>SUITE_SHUTDOWN_GRACE_SECONDS</td><td>10: on SIGTERM, how long the requests in flight may take to finish after
 * the server stopped accepting new ones (0..300); then the jobs stop and the pool closes</td></tr>
 * <tr><td>SUITE_METRICS_PORT</td><td>unset: no metrics endpoint; set (0 = a free port): Prometheus' text format at
 * {@code GET /metrics} on this port of SUITE_HTTP_HOST, a listener of its own, without credentials (keep the port
 * internal)</td></tr>
 * <tr><td>SUITE_LOG_FORMAT</td><td>text: log lines as text; json: one JSON object per line (logstash-logback-encoder;
 * read by {@link LogConfiguration}, checked here)</td></tr>
 * </table>
 */
public record ServerConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        int dbPoolWaitMillis,
        int dbLockTimeoutMillis,
        int dbStatementTimeoutMillis,
        boolean demoTenant,
        List<Path> tenantFiles,
        int tenantRefreshSeconds,
        int maxBodyBytes,
        List<String> trustedProxies,
        Smtp smtp,
        String mailFrom,
        int voucherHoldMinutes,
        URI viesUrl,
        String paymentPageKey,
        URI publicUrl,
        int billingRunMinutes,
        int idempotencyLeaseSeconds,
        ZuoraSettings zuora,
        URI zuoraHostedPageUri,
        int catalogSyncMinutes,
        SalesforceSettings salesforce,
        Events events,
        Revenue revenue,
        Cleanup cleanup,
        int shutdownGraceSeconds,
        int metricsPort) {

    /**
     * The scheduled clean-up (docs/housekeeping.md): minutes between two runs (0 = never), rows each
     * step removes per run at most, and how long the compaction of the H2 file after each run may take at
     * most (0 = never; nothing to compact on PostgreSQL).
     */
    public record Cleanup(int minutes, int batchSize, int compactSeconds) {
    }

    /** Whether quotes come from Salesforce ({@code SUITE_QUOTES=salesforce}); else from the engine's own store. */
    public boolean salesforceQuotes() {
        return salesforce != null;
    }


    /**
     * Business events and webhooks (docs/events.md, docs/webhooks.md): how often this instance runs
     * the consumers and webhook workers ({@code SUITE_EVENTS_POLL_MILLIS}, 0 = never), a consumer's
     * lease, a webhook's timeout, its retry schedule, and the environment the endpoints' signing
     * secrets are read from by name ({@code secret_env} in the tenant file; never printed).
     */
    public record Events(int pollMillis, int leaseSeconds, int webhookTimeoutSeconds, int retryFirstSeconds,
            int retryMaxSeconds, int retryWindowHours, Map<String, String> environment) {
        public Events {
            environment = Map.copyOf(environment);
        }

        @Override
        public String toString() {
            return "Events[pollMillis=" + pollMillis + ", leaseSeconds=" + leaseSeconds + ", webhookTimeoutSeconds="
                    + webhookTimeoutSeconds + ", retryFirstSeconds=" + retryFirstSeconds + ", retryMaxSeconds="
                    + retryMaxSeconds + ", retryWindowHours=" + retryWindowHours + "]";
        }
    }

    /**
     * The Zuora Revenue feed (docs/revenue-feed.md): Zuora Revenue's settings, or null when the batches
     * are written as CSV files in {@code <data dir>/revenue}; lines per batch; seconds between two runs of
     * the batch job (0 = never scheduled; {@code POST /admin/revenue/run} runs it); the claim's lease.
     */
    public record Revenue(RevenueSettings zuora, int batchSize, int intervalSeconds, int leaseSeconds) {
        @Override
        public String toString() {
            return (zuora == null ? "csv files" : "zuora revenue " + zuora) + ", batchSize=" + batchSize
                    + ", intervalSeconds=" + intervalSeconds + ", leaseSeconds=" + leaseSeconds;
        }
    }

    /** Whether Zuora is the billing system ({@code SUITE_BILLING=zuora}); else the built-in ledger is. */
    public boolean zuoraBilling() {
        return zuora != null;
    }

    /** Whether this server syncs every tenant's catalog from Zuora on a schedule (Zuora, and minutes above 0). */
    public boolean catalogSyncs() {
        return zuora != null && catalogSyncMinutes > 0;
    }

    /** {@link #metricsPort()} when SUITE_METRICS_PORT is unset: no metrics endpoint. */
    public static final int NO_METRICS = -1;

    /** Whether the server serves {@code /metrics} on a port of its own. */
    public boolean servesMetrics() {
        return metricsPort != NO_METRICS;
    }

    /** The values of SUITE_LOG_FORMAT, as {@link LogConfiguration} names its appenders (so exactly these, lower case). */
    static final List<String> LOG_FORMATS = List.of(LogConfiguration.TEXT, LogConfiguration.JSON);

    /** The official VIES REST endpoint VAT IDs are checked against by default. */
    public static final String OFFICIAL_VIES_URL =
            "https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number";

    /** SMTP delivery; null in {@link ServerConfig#smtp()} means mail goes to the persistent outbox. */
    public record Smtp(String host, int port, String user, String password, boolean startTls) {
    }

    /** The shortest {@code SUITE_PAYMENT_PAGE_KEY} accepted: an HMAC key should carry at least 256 bits. */
    public static final int MIN_PAYMENT_PAGE_KEY_LENGTH = 32;

    public ServerConfig {
        tenantFiles = List.copyOf(tenantFiles);
    }

    /** Every setting, the secrets (database and SMTP passwords, the payment page key) withheld. */
    @Override
    public String toString() {
        return "ServerConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", dataDir=" + dataDir
                + ", dbUrl=" + (dbUrl == null ? null : Server.withoutParameters(dbUrl)) + ", dbUser=" + dbUser
                + ", dbPassword=" + withheld(dbPassword) + ", dbPoolSize=" + dbPoolSize
                + ", dbPoolWaitMillis=" + dbPoolWaitMillis + ", dbLockTimeoutMillis=" + dbLockTimeoutMillis
                + ", dbStatementTimeoutMillis=" + dbStatementTimeoutMillis + ", demoTenant=" + demoTenant + ", tenantFiles=" + tenantFiles
                + ", tenantRefreshSeconds=" + tenantRefreshSeconds + ", maxBodyBytes=" + maxBodyBytes + ", trustedProxies=" + trustedProxies
                + ", smtp=" + (smtp == null ? null : smtp.host() + ":" + smtp.port() + " user " + smtp.user()
                        + " password " + withheld(smtp.password()))
                + ", mailFrom=" + mailFrom + ", voucherHoldMinutes=" + voucherHoldMinutes + ", viesUrl=" + viesUrl
                + ", paymentPageKey=" + withheld(paymentPageKey) + ", publicUrl=" + publicUrl
                + ", billingRunMinutes=" + billingRunMinutes + ", idempotencyLeaseSeconds=" + idempotencyLeaseSeconds
                + ", billing=" + (zuora == null ? "ledger" : "zuora " + zuora)
                + ", catalogSyncMinutes=" + catalogSyncMinutes
                + ", quotes=" + (salesforce == null ? "builtin" : "salesforce " + salesforce) + ", events=" + events + ", revenue=[" + revenue + "]"
                + ", shutdownGraceSeconds=" + shutdownGraceSeconds + ", metricsPort="
                + (metricsPort == NO_METRICS ? "off" : metricsPort) + "]";
    }

    private static String withheld(String secret) {
        return secret == null ? null : "(withheld)";
    }

    /** Thrown for a variable that is set to something unusable; the message names the variable. */
    public static final class InvalidConfiguration extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidConfiguration(String message) {
            super(message);
        }
    }

    public static ServerConfig fromEnvironment(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        int port = integer(env, "SUITE_HTTP_PORT", 8080, 0, 65535, errors);
        int refresh = integer(env, "SUITE_TENANT_REFRESH_SECONDS", 5, 0, 86400, errors);
        int maxBody = integer(env, "SUITE_MAX_BODY_BYTES", 65536, 1024, 16 * 1024 * 1024, errors);
        List<String> trustedProxies = java.util.Arrays.stream(env.getOrDefault("SUITE_TRUSTED_PROXIES", "").split(","))
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
        trustedProxies.stream().filter(c -> !ClientAddress.valid(c)).forEach(c -> errors.add(
                "SUITE_TRUSTED_PROXIES must list IP addresses or CIDR blocks (e.g. 10.0.0.0/8,192.168.1.7), got '"
                        + c + "'"));
        boolean demo = bool(env, "SUITE_DEMO_TENANT", true, errors);
        String dbUrl = blankToNull(env.get("SUITE_DB_URL"));
        if (dbUrl != null && !dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            errors.add("SUITE_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL, got '" + dbUrl + "'");
        }
        int poolSize = integer(env, "SUITE_DB_POOL_SIZE", 10, 1, 1000, errors);
        int poolWait = integer(env, "SUITE_DB_POOL_WAIT_MS", 3000, 250, 600_000, errors);
        int lockTimeout = integer(env, "SUITE_DB_LOCK_TIMEOUT_MS", 10_000, 0, 3_600_000, errors);
        int statementTimeout = integer(env, "SUITE_DB_STATEMENT_TIMEOUT_MS", 60_000, 0, 3_600_000, errors);
        List<Path> files = Arrays.stream(env.getOrDefault("SUITE_TENANT_FILES", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        int holdMinutes = integer(env, "SUITE_VOUCHER_HOLD_MINUTES", 30, 1, 24 * 60, errors);
        String smtpHost = blankToNull(env.get("SUITE_SMTP_HOST"));
        int smtpPort = integer(env, "SUITE_SMTP_PORT", 587, 1, 65535, errors);
        boolean startTls = bool(env, "SUITE_SMTP_STARTTLS", true, errors);
        Smtp smtp = smtpHost == null ? null
                : new Smtp(smtpHost, smtpPort, blankToNull(env.get("SUITE_SMTP_USER")), env.get("SUITE_SMTP_PASSWORD"),
                        startTls);
        String from = env.getOrDefault("SUITE_MAIL_FROM", "no-reply@localhost").trim();
        if (!from.contains("@")) {
            errors.add("SUITE_MAIL_FROM must be a mail address, got '" + from + "'");
        }
        URI vies = viesUrl(env.getOrDefault("SUITE_VIES_URL", OFFICIAL_VIES_URL), errors);
        String pageKey = env.get("SUITE_PAYMENT_PAGE_KEY");
        if (pageKey != null && pageKey.isBlank()) {
            pageKey = null;
        }
        if (pageKey != null && pageKey.length() < MIN_PAYMENT_PAGE_KEY_LENGTH) {
            errors.add("SUITE_PAYMENT_PAGE_KEY must have at least " + MIN_PAYMENT_PAGE_KEY_LENGTH
                    + " characters (e.g. openssl rand -base64 32), got " + pageKey.length());
        }
        URI publicUrl = publicUrl(blankToNull(env.get("SUITE_PUBLIC_URL")), errors);
        int billingRun = integer(env, "SUITE_BILLING_RUN_MINUTES", 60, 0, 24 * 60, errors);
        int lease = integer(env, "SUITE_IDEMPOTENCY_LEASE_SECONDS", 60, 1, 3600, errors);
        int catalogSync = integer(env, "SUITE_CATALOG_SYNC_MINUTES", 60, 0, 24 * 60, errors);
        ZuoraSettings zuora = null;
        URI zuoraPageUri = null;
        String billing = env.getOrDefault("SUITE_BILLING", "ledger").strip().toLowerCase(java.util.Locale.ROOT);
        if (billing.equals("zuora")) {
            var settings = ZuoraSettings.fromEnvironment(env);
            if (settings.isLeft()) {
                errors.addAll(settings.getLeft());
            } else {
                zuora = settings.get();
            }
            zuoraPageUri = zuora == null ? null : publicUrl(blankToNull(env.getOrDefault(
                    "SUITE_ZUORA_HOSTED_PAGE_URI", ZuoraPaymentPages.pageUri(zuora.baseUrl()))),
                    "SUITE_ZUORA_HOSTED_PAGE_URI", errors);
        } else if (!billing.equals("ledger") && !billing.isEmpty()) {
            errors.add("SUITE_BILLING must be ledger or zuora, got '" + env.get("SUITE_BILLING") + "'");
        }
        SalesforceSettings salesforce = null;
        String quotes = env.getOrDefault("SUITE_QUOTES", "builtin").strip().toLowerCase(java.util.Locale.ROOT);
        if (quotes.equals("salesforce")) {
            var settings = SalesforceSettings.fromEnvironment(env);
            if (settings.isLeft()) {
                errors.addAll(settings.getLeft());
            } else {
                salesforce = settings.get();
            }
        } else if (!quotes.equals("builtin") && !quotes.isEmpty()) {
            errors.add("SUITE_QUOTES must be builtin or salesforce, got '" + env.get("SUITE_QUOTES") + "'");
        }
        Events events = new Events(integer(env, "SUITE_EVENTS_POLL_MILLIS", 1000, 0, 3_600_000, errors),
                integer(env, "SUITE_EVENTS_LEASE_SECONDS", 30, 1, 3600, errors),
                integer(env, "SUITE_WEBHOOK_TIMEOUT_SECONDS", 10, 1, 300, errors),
                integer(env, "SUITE_WEBHOOK_RETRY_FIRST_SECONDS", 30, 1, 86_400, errors),
                integer(env, "SUITE_WEBHOOK_RETRY_MAX_SECONDS", 3600, 1, 86_400, errors),
                integer(env, "SUITE_WEBHOOK_RETRY_HOURS", 24, 1, 24 * 30, errors), env);
        if (events.retryMaxSeconds() < events.retryFirstSeconds()) {
            errors.add("SUITE_WEBHOOK_RETRY_MAX_SECONDS (" + events.retryMaxSeconds()
                    + ") must not be below SUITE_WEBHOOK_RETRY_FIRST_SECONDS (" + events.retryFirstSeconds() + ")");
        }
        int revenueBatch = integer(env, "SUITE_REVENUE_BATCH_SIZE", 1000, 1, 20_000, errors);
        int revenueInterval = integer(env, "SUITE_REVENUE_INTERVAL_SECONDS", 60, 0, 86_400, errors);
        int revenueLease = integer(env, "SUITE_REVENUE_LEASE_SECONDS", 300, 30, 86_400, errors);
        RevenueSettings revenueZuora = null;
        if (RevenueSettings.requested(env)) {
            var settings = RevenueSettings.fromEnvironment(env);
            if (settings.isLeft()) {
                errors.addAll(settings.getLeft());
            } else {
                revenueZuora = settings.get();
            }
        }
        if (revenueZuora != null && revenueLease * 1000L <= revenueZuora.readTimeout().toMillis()) {
            errors.add("SUITE_REVENUE_LEASE_SECONDS must be longer than an upload may take ("
                    + RevenueSettings.READ_TIMEOUT_MS + ", " + revenueZuora.readTimeout().toSeconds() + " s), got "
                    + revenueLease);
        }
        Cleanup cleanup = new Cleanup(integer(env, "SUITE_CLEANUP_MINUTES", 15, 0, 24 * 60, errors),
                integer(env, "SUITE_CLEANUP_BATCH_SIZE", 1000, 1, 100_000, errors),
                integer(env, "SUITE_CLEANUP_COMPACT_SECONDS", 2, 0, 600, errors));
        int shutdownGrace = integer(env, "SUITE_SHUTDOWN_GRACE_SECONDS", 10, 0, 300, errors);
        int metricsPort = integer(env, "SUITE_METRICS_PORT", NO_METRICS, 0, 65535, errors);
        String logFormat = env.get("SUITE_LOG_FORMAT");
        if (logFormat != null && !logFormat.isEmpty() && !LOG_FORMATS.contains(logFormat)) {
            errors.add("SUITE_LOG_FORMAT must be text or json, got '" + logFormat + "'");
        }
        if (!errors.isEmpty()) {
            throw new InvalidConfiguration(String.join("; ", errors));
        }
        return new ServerConfig(
                env.getOrDefault("SUITE_HTTP_HOST", "0.0.0.0"),
                port,
                Path.of(env.getOrDefault("SUITE_DATA_DIR", "data")).toAbsolutePath(),
                dbUrl,
                blankToNull(env.get("SUITE_DB_USER")),
                env.get("SUITE_DB_PASSWORD"),
                poolSize,
                poolWait,
                lockTimeout,
                statementTimeout,
                demo,
                files,
                refresh,
                maxBody,
                trustedProxies,
                smtp,
                from,
                holdMinutes,
                vies,
                pageKey,
                publicUrl,
                billingRun,
                lease,
                zuora,
                zuoraPageUri,
                catalogSync,
                salesforce,
                events,
                new Revenue(revenueZuora, revenueBatch, revenueInterval, revenueLease),
                cleanup,
                shutdownGrace,
                metricsPort);
    }

    /** An absolute http(s) URL without query or fragment, its trailing slashes dropped; null when unset. */
    private static URI publicUrl(String raw, List<String> errors) {
        return publicUrl(raw, "SUITE_PUBLIC_URL", errors);
    }

    private static URI publicUrl(String raw, String variable, List<String> errors) {
        if (raw == null) {
            return null;
        }
        String value = raw;
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(variable + " must be an http(s) URL without query (e.g. https://api.shop.example), got '"
                + raw + "'");
        return null;
    }

    private static URI viesUrl(String raw, List<String> errors) {
        String value = raw.isBlank() ? OFFICIAL_VIES_URL : raw.trim();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add("SUITE_VIES_URL must be an http(s) URL, got '" + value + "'");
        return URI.create(OFFICIAL_VIES_URL);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max,
            List<String> errors) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                errors.add(name + " must be between " + min + " and " + max + ", got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(name + " must be a whole number, got '" + raw + "'");
            return fallback;
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback, List<String> errors) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        errors.add(name + " must be true or false, got '" + raw + "'");
        return fallback;
    }
}
