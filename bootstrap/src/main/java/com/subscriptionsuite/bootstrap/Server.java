package com.subscriptionsuite.bootstrap;

import com.subscriptionsuite.adapters.http.HttpApi;
import com.subscriptionsuite.adapters.http.outbound.webhook.HttpWebhookSender;
import com.subscriptionsuite.application.port.in.housekeeping.CleanUp;
import com.subscriptionsuite.adapters.persistence.housekeeping.JdbiHousekeeping;
import com.subscriptionsuite.adapters.persistence.events.JdbiBusinessEvents;
import com.subscriptionsuite.adapters.persistence.events.JdbiWebhooks;
import com.subscriptionsuite.application.port.in.events.DeliverySettings;
import com.subscriptionsuite.adapters.http.HttpSettings;
import com.subscriptionsuite.adapters.http.outbound.vies.ViesVatRegistry;
import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.SchemaTemplate;
import com.subscriptionsuite.adapters.persistence.StorageCompaction;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.PoolSettings;
import com.subscriptionsuite.adapters.persistence.customer.JdbiCustomerLocks;
import com.subscriptionsuite.adapters.persistence.identity.JdbiLoginAttempts;
import com.subscriptionsuite.adapters.persistence.identity.JdbiPasswordResets;
import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.mail.OutboxMailer;
import com.subscriptionsuite.adapters.persistence.payment.JdbiPayPalAgreements;
import com.subscriptionsuite.adapters.persistence.payment.JdbiPaymentMethods;
import com.subscriptionsuite.adapters.persistence.payment.JdbiPaymentPages;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.adapters.persistence.vat.JdbiVatChecks;
import com.subscriptionsuite.adapters.persistence.voucher.JdbiVouchers;
import com.subscriptionsuite.adapters.persistence.idempotency.JdbiIdempotencyRecords;
import com.subscriptionsuite.adapters.persistence.ledger.JdbiLedgerStore;
import com.subscriptionsuite.adapters.zuora.ZuoraBillingGateway;
import com.subscriptionsuite.adapters.zuora.ZuoraCatalogSource;
import com.subscriptionsuite.adapters.zuora.ZuoraClient;
import com.subscriptionsuite.adapters.zuora.ZuoraPaymentPages;
import com.subscriptionsuite.adapters.zuora.salesforce.SalesforceQuoteSource;
import com.subscriptionsuite.adapters.persistence.quote.JdbiQuoteLinks;
import com.subscriptionsuite.adapters.persistence.quote.JdbiQuotes;
import com.subscriptionsuite.adapters.zuora.revenue.ZuoraRevenueFeed;
import com.subscriptionsuite.adapters.persistence.revenue.CsvFileRevenueFeed;
import com.subscriptionsuite.adapters.persistence.revenue.JdbiRevenueBatches;
import com.subscriptionsuite.adapters.persistence.billing.JdbiAccountLinks;
import com.subscriptionsuite.adapters.persistence.billing.JdbiBillingOperations;
import com.subscriptionsuite.adapters.persistence.billing.JdbiInvoiceDiscrepancies;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.VatRegistry;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.CatalogSource;
import com.subscriptionsuite.application.port.out.quote.QuoteSource;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import com.subscriptionsuite.bootstrap.metrics.BusinessMeters;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.bootstrap.mail.SmtpMailer;
import com.subscriptionsuite.bootstrap.mail.SmtpSettings;
import com.subscriptionsuite.bootstrap.security.Argon2PasswordHasher;
import com.subscriptionsuite.bootstrap.security.CommonPasswordList;
import com.subscriptionsuite.bootstrap.security.SecureRandomSecrets;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone server: the embedded database (H2 file by default, PostgreSQL by configuration),
 * the engine, the tenant files, the HTTP API, and a periodic refresh of tenants changed by other
 * instances. The only place that wires across modules.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** How long a VAT ID check waits for VIES before calling the ID unverified. */
    static final java.time.Duration VIES_TIMEOUT = java.time.Duration.ofSeconds(10);

    private final Database database;
    private final Engine engine;
    private final Javalin http;
    private final ScheduledExecutorService refresher;
    private final ScheduledExecutorService deliveries;
    private final ScheduledExecutorService revenueJob;
    private final ServerReadiness readiness;
    private final int shutdownGraceSeconds;
    private final MetricsServer metrics;

    private Server(Database database, Engine engine, Javalin http, ScheduledExecutorService refresher,
            ScheduledExecutorService deliveries, ScheduledExecutorService revenueJob, ServerReadiness readiness,
            int shutdownGraceSeconds, MetricsServer metrics) {
        this.metrics = metrics;
        this.readiness = readiness;
        this.shutdownGraceSeconds = shutdownGraceSeconds;
        this.database = database;
        this.engine = engine;
        this.http = http;
        this.refresher = refresher;
        this.deliveries = deliveries;
        this.revenueJob = revenueJob;
    }

    /**
     * How long after its start an unfinished billing operation counts as in doubt: the lease of an
     * {@code Idempotency-Key} ({@code SUITE_IDEMPOTENCY_LEASE_SECONDS}), after which its client may retry
     * it (and complete it) anyway.
     */
    static java.time.Duration inDoubtAfter(ServerConfig config) {
        return java.time.Duration.ofSeconds(config.idempotencyLeaseSeconds());
    }

    /**
     * Starts everything or nothing: a failure (bad tenant file, database unreachable, port taken)
     * closes what was opened and is thrown.
     */
    public static Server start(ServerConfig config, Clock clock) {
        return start(config, clock, Argon2PasswordHasher.recommended());
    }

    /**
     * As {@link #start(ServerConfig, Clock)}, with the password hasher given (tests and the checkout
     * load generator use cheap Argon2 parameters).
     */
    public static Server start(ServerConfig config, Clock clock, PasswordHasher hasher) {
        String url = databaseUrl(config);
        long started = System.nanoTime();
        // the embedded default's first start: the build's migrated database file instead of running the migrations
        boolean fromTemplate = config.dbUrl() == null && SchemaTemplate.install(config.dataDir());
        Database database = openDatabase(config, false);
        long opened = System.nanoTime();
        // the migrations run on a thread of their own while this one builds the engine and the HTTP API, which
        // need no table; nothing serves before they are done (docs/benchmarks.md "Startup")
        CompletableFuture<Long> migrations;
        if (fromTemplate) {
            database.installedFromTemplate();
            migrations = CompletableFuture.completedFuture(0L);
        } else {
            migrations = migrateAlongside(database);
        }
        AfterMigrationPaymentPages storedKeyPages = new AfterMigrationPaymentPages();
        ScheduledExecutorService refresher = null;
        ScheduledExecutorService deliveries = null;
        ScheduledExecutorService revenueJob = null;
        MetricsServer metrics = null;
        try {
            if (config.servesMetrics()) {
                metrics = MetricsServer.start(config.httpHost(), config.metricsPort());
                database.publishPoolMetrics(metrics.registry());
            }
            BusinessMeters meters = metrics == null ? null : new BusinessMeters(metrics.registry());
            CommonPasswordList commonPasswords = new CommonPasswordList();
            Engine engine = engine(config, database, clock, hasher, commonPasswords, meters, storedKeyPages);
            long built = System.nanoTime();
            ServerReadiness readiness = new ServerReadiness(database, engine.defineTenant());
            HttpApi api = new HttpApi(HttpApi.UseCases.from(engine), new HttpSettings(config.maxBodyBytes(),
                    java.time.Duration.ofSeconds(config.shutdownGraceSeconds()), config.trustedProxies()), readiness,
                    metrics == null ? null : metrics.registry());
            long routed = System.nanoTime();
            long migrated = opened + awaitMigrations(migrations);
            long waited = System.nanoTime();
            if (config.paymentPageKey() == null) {
                storedKeyPages.migrated(JdbiPaymentPages.withStoredKey(database.jdbi(), new SecureRandomSecrets(),
                        clock.instant()));
            }
            TenantFileLoader loader = new TenantFileLoader(engine.defineTenant(), engine.defineCampaigns(),
                    new JdbiTransactions(database.jdbi()), new JdbiWebhooks(database.jdbi()));
            if (config.demoTenant() && !engine.defineTenant().anyTenantDefined()) {
                loader.loadDemo();
            }
            for (var file : config.tenantFiles()) {
                loader.load(file);
            }
            long loaded = System.nanoTime();
            Javalin http = api.start(config.httpHost(), config.httpPort());
            long serving = System.nanoTime();
            preload(commonPasswords);
            if (config.tenantRefreshSeconds() > 0 || billRuns(config, engine) || catalogSyncs(config, engine)
                    || engine.quotes().isPresent() || config.cleanup().minutes() > 0) {
                refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "server-jobs");
                    t.setDaemon(true);
                    return t;
                });
            }
            if (config.tenantRefreshSeconds() > 0) {
                schedule(refresher, meters, "tenant_refresh", () -> refresh(engine),
                        Duration.ofSeconds(config.tenantRefreshSeconds()),
                        "tenant refresh failed; keeping the catalog in memory");
            }
            if (billRuns(config, engine)) {
                schedule(refresher, meters, "bill_run", () -> billingRun(engine),
                        Duration.ofMinutes(config.billingRunMinutes()),
                        "bill run failed; the periods stay due for the next run");
            }
            if (catalogSyncs(config, engine)) {
                // the first run one period after the start: a start (or a restart) does not call Zuora at once
                schedule(refresher, meters, "catalog_sync", () -> CatalogSyncCommand.syncEveryTenant(engine),
                        Duration.ofMinutes(config.catalogSyncMinutes()),
                        "catalog sync failed; the catalog in memory is kept until the next run");
            }
            if (engine.quotes().isPresent()) {
                // quotes booked whose source could not be marked accepted then (docs/quotes.md)
                Engine.Quotes quotes = engine.quotes().get();
                schedule(refresher, meters, "quote_marks", () -> markAcceptedQuotes(quotes),
                        Duration.ofMinutes(QUOTE_MARK_MINUTES),
                        "the quote mark job failed; it runs again in " + QUOTE_MARK_MINUTES + " minutes");
            }
            if (config.cleanup().minutes() > 0) {
                // issue 15: old sessions, guests, holds, keys, failures and tokens (docs/housekeeping.md); safe on
                // every instance at once (conditional deletes by key), so no instance is elected for it
                Duration compaction = Duration.ofSeconds(config.cleanup().compactSeconds());
                schedule(refresher, meters, "cleanup", () -> {
                    cleanUpRun(engine);
                    compactionRun(database, compaction);
                },
                        Duration.ofMinutes(config.cleanup().minutes()),
                        "the clean-up failed; it runs again at its next interval");
            }
            if (config.events().pollMillis() > 0) {
                // the outbox's consumers and the webhook workers, on a thread of their own (a slow receiver
                // must not hold up the tenant refresh or the bill run); safe on every instance (leases, claims)
                deliveries = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "server-events");
                    t.setDaemon(true);
                    return t;
                });
                schedule(deliveries, meters, "event_delivery", () -> deliverEvents(engine),
                        Duration.ofMillis(config.events().pollMillis()),
                        "event delivery round failed; the next round goes on from the consumers' positions");
            }
            if (config.revenue().intervalSeconds() > 0) {
                // its own thread: an upload may take as long as Zuora Revenue's read timeout
                revenueJob = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "revenue-feed");
                    t.setDaemon(true);
                    return t;
                });
                schedule(revenueJob, meters, "revenue_feed", () -> revenueRun(engine),
                        Duration.ofSeconds(config.revenue().intervalSeconds()),
                        "revenue feed run failed; its batches are taken up again when their lease ends");
            }
            reportOperationsInDoubt(database, clock, inDoubtAfter(config));
            LOG.info("Subscription Suite Engine listening on http://{}:{} with database {} ({}), mail {}",
                    config.httpHost(), http.port(), database.productName(), withoutParameters(url),
                    config.smtp() == null ? "to the outbox table" : "by SMTP via " + config.smtp().host());
            // where a start's time goes (docs/benchmarks.md "Startup"); the JVM's own start comes before it
            LOG.info("started in {} ms: database {} ms{}, migrations {} ms (alongside: engine {} ms, HTTP API {} ms, "
                    + "then waited {} ms), tenants {} ms, HTTP {} ms", millis(System.nanoTime() - started),
                    millis(opened - started), fromTemplate ? " (new, from the build's template)" : "",
                    millis(migrated - opened), millis(built - opened),
                    millis(routed - built), millis(waited - routed), millis(loaded - waited),
                    millis(serving - loaded));
            return new Server(database, engine, http, refresher, deliveries, revenueJob, readiness,
                    config.shutdownGraceSeconds(), metrics);
        } catch (RuntimeException e) {
            storedKeyPages.failed(e);
            // the pool closes after the migrations' thread let go of it (a migration runs in a transaction); when
            // the migrations failed, theirs is the failure to report (the engine's build then failed waiting for them)
            Throwable migrationFailure = migrations.handle((done, failure) -> failure).join();
            RuntimeException thrown = e;
            if (migrationFailure instanceof RuntimeException failed && failed != e) {
                failed.addSuppressed(e);
                thrown = failed;
            }
            if (refresher != null) {
                refresher.shutdownNow();
            }
            if (deliveries != null) {
                deliveries.shutdownNow();
            }
            if (revenueJob != null) {
                revenueJob.shutdownNow();
            }
            if (metrics != null) {
                metrics.close();
            }
            database.close();
            throw thrown;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * Runs {@code job} on {@code executor} every {@code every} after the previous run's end, the first one
     * {@code every} after now; see {@link #scheduled}.
     */
    private static void schedule(ScheduledExecutorService executor, BusinessMeters meters, String name, Runnable job,
            Duration every, String failure) {
        executor.scheduleWithFixedDelay(scheduled(meters, name, every, job, failure), every.toNanos(), every.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /**
     * What the scheduler runs for {@code job}: with meters, each run timed by outcome ({@code error} when the
     * job throws) and its lag measured; a failure is logged once with {@code failure} and never thrown (a
     * scheduled executor would stop scheduling a task that throws), so the next run comes at its interval.
     * The jobs themselves throw their failures rather than logging them, so that they are counted.
     */
    static Runnable scheduled(BusinessMeters meters, String name, Duration every, Runnable job, String failure) {
        Runnable timed = meters == null ? job : meters.job(name, every, every, job);
        return () -> {
            try {
                timed.run();
            } catch (RuntimeException e) {
                LOG.warn(failure, e);
            }
        };
    }

    /**
     * Logs the operations that called the billing system and never finished (docs/billing-boundary.md):
     * the billing system may have booked them while the engine did not. A client that retries with
     * its {@code Idempotency-Key} completes such an operation; one without a key cannot be replayed
     * from here, so an operator looks at it (the customer, the kind, when it started).
     */
    static void reportOperationsInDoubt(Database database, Clock clock, java.time.Duration inDoubtAfter) {
        var inDoubt = new JdbiBillingOperations(database.jdbi())
                .unfinished(clock.instant().minus(inDoubtAfter));
        if (!inDoubt.isEmpty()) {
            LOG.warn("{} billing operations are in doubt (started, never finished), oldest first: {}", inDoubt.size(),
                    inDoubt.stream().limit(20).map(op -> op.kind() + " " + op.key() + " of user " + op.userId()
                            + " of tenant " + op.tenantId() + " started " + op.startedAt() + " (" + op.attempts()
                            + " attempts)").toList());
        }
    }

    /** The configured database's JDBC URL: PostgreSQL (or any URL) when given, else the H2 file in the data directory. */
    static String databaseUrl(ServerConfig config) {
        return config.dbUrl() == null ? Database.h2File(config.dataDir()) : config.dbUrl();
    }

    /** Opens the configured database (migrating it); the caller closes it. */
    static Database openDatabase(ServerConfig config) {
        return openDatabase(config, true);
    }

    /** Opens the configured database, migrating it or not (the caller then runs {@link Database#migrate()}). */
    private static Database openDatabase(ServerConfig config, boolean migrating) {
        String url = databaseUrl(config);
        PoolSettings pool = new PoolSettings(config.dbPoolSize(), java.time.Duration.ofMillis(config.dbPoolWaitMillis()),
                java.time.Duration.ofMillis(config.dbLockTimeoutMillis()),
                java.time.Duration.ofMillis(config.dbStatementTimeoutMillis()));
        String user = config.dbUrl() == null ? "sa" : config.dbUser();
        String password = config.dbUrl() == null ? "" : config.dbPassword();
        return migrating ? new Database(url, user, password, pool) : Database.withoutMigrating(url, user, password, pool);
    }

    /**
     * Runs the database's migrations on a thread of its own; the future gives how long they took (nanoseconds).
     * A failure closes nothing: the caller waits for the future and closes the pool.
     */
    private static CompletableFuture<Long> migrateAlongside(Database database) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Thread migrating = new Thread(() -> {
            long from = System.nanoTime();
            try {
                database.migrate();
                done.complete(System.nanoTime() - from);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "migrations");
        migrating.setDaemon(true);
        migrating.start();
        return done;
    }

    /** Waits for {@link #migrateAlongside}'s migrations; their failure is thrown as it was (the start fails). */
    private static long awaitMigrations(CompletableFuture<Long> migrations) {
        try {
            return migrations.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Reads the common-password list on a thread of its own once the server serves: a start does not wait
     * for it, and the first registration most likely finds it read (else it reads it then).
     */
    private static void preload(CommonPasswordList commonPasswords) {
        Thread preload = new Thread(() -> {
            try {
                commonPasswords.preload();
            } catch (RuntimeException e) {
                LOG.error("the common-password list cannot be read; registrations will fail until it can", e);
            }
        }, "common-passwords");
        preload.setDaemon(true);
        preload.start();
    }

    /** The engine on the database's adapters, with every use case (the server's and the commands'), unmetered. */
    static Engine engine(ServerConfig config, Database database, Clock clock, PasswordHasher hasher) {
        return engine(config, database, clock, hasher, new CommonPasswordList(), null);
    }

    /**
     * The engine on the database's adapters, with the common-password list given; with {@code meters}, its
     * business use cases and every port to a remote system (VIES, mail, Zuora, Zuora Revenue, Salesforce,
     * webhooks) are metered.
     */
    static Engine engine(ServerConfig config, Database database, Clock clock, PasswordHasher hasher,
            CommonPasswordList commonPasswords, BusinessMeters meters) {
        return engine(config, database, clock, hasher, commonPasswords, meters, null);
    }

    /**
     * As above; without {@code SUITE_PAYMENT_PAGE_KEY}, the built-in payment pages are {@code storedKeyPages}
     * when given (their key read by the caller once the schema is migrated: this builds the engine without
     * reading the database), else they read the stored key now.
     */
    private static Engine engine(ServerConfig config, Database database, Clock clock, PasswordHasher hasher,
            CommonPasswordList commonPasswords, BusinessMeters meters, PaymentPages storedKeyPages) {
        Metering m = meters == null ? Metering.NONE : meters::outbound;
        var jdbi = database.jdbi();
        SecureRandomSecrets secrets = new SecureRandomSecrets();
        Engine.Builder builder = Engine.builder().tenants(new JdbiTenants(jdbi)).clock(clock)
                .users(new JdbiUsers(jdbi)).sessions(new JdbiSessions(jdbi))
                .passwordResets(new JdbiPasswordResets(jdbi)).loginAttempts(new JdbiLoginAttempts(jdbi))
                .transactions(new JdbiTransactions(jdbi)).passwordHasher(hasher)
                .secrets(secrets).commonPasswords(commonPasswords)
                .mailer(m.wrap(Mailer.class, mailer(config, database, clock), "mail"))
                .vouchers(new JdbiVouchers(jdbi))
                .voucherHoldDuration(java.time.Duration.ofMinutes(config.voucherHoldMinutes()))
                .vatRegistry(m.wrap(VatRegistry.class, new ViesVatRegistry(config.viesUrl(), VIES_TIMEOUT), "vies"))
                .vatChecks(new JdbiVatChecks(jdbi))
                // what the engine keeps itself whatever billing system is behind: the per-customer lease, the
                // links from customers to their accounts, the operations pending in the billing system
                .customerLocks(new JdbiCustomerLocks(jdbi, clock))
                .accountLinks(new JdbiAccountLinks(jdbi))
                .billingOperations(new JdbiBillingOperations(jdbi))
                .invoiceDiscrepancies(new JdbiInvoiceDiscrepancies(jdbi))
                .idempotencyRecords(new JdbiIdempotencyRecords(jdbi))
                .idempotencyLease(java.time.Duration.ofSeconds(config.idempotencyLeaseSeconds()))
                // payment methods (issue 5): stored methods, the built-in hosted page and PayPal approval
                .paymentMethods(new JdbiPaymentMethods(jdbi))
                .paymentPages(config.paymentPageKey() == null
                        ? storedKeyPages != null ? storedKeyPages
                                : JdbiPaymentPages.withStoredKey(jdbi, secrets, clock.instant())
                        : new JdbiPaymentPages(jdbi, secrets, config.paymentPageKey()))
                .payPalAgreements(new JdbiPayPalAgreements(jdbi, secrets, payPalApprovalUrl(config)));
        // issue 14: the outbox of business events, and webhooks as its consumer (docs/events.md, docs/webhooks.md)
        JdbiBusinessEvents outbox = new JdbiBusinessEvents(jdbi);
        JdbiWebhooks webhooks = new JdbiWebhooks(jdbi);
        ServerConfig.Events events = config.events();
        builder.outbox(outbox, outbox)
                .webhooks(webhooks, webhooks, m.wrap(WebhookSender.class, new HttpWebhookSender(
                        java.time.Duration.ofSeconds(Math.min(10, events.webhookTimeoutSeconds()))), "webhook"),
                        name -> io.vavr.control.Option.of(events.environment().get(name)))
                .deliverySettings(new DeliverySettings(java.time.Duration.ofSeconds(events.leaseSeconds()), 100,
                        java.time.Duration.ofSeconds(events.webhookTimeoutSeconds()),
                        java.time.Duration.ofSeconds(events.retryFirstSeconds()),
                        java.time.Duration.ofSeconds(events.retryMaxSeconds()),
                        java.time.Duration.ofHours(events.retryWindowHours())));
        // the billing system behind the billing gateway: the built-in ledger, or Zuora (SUITE_BILLING=zuora)
        if (config.zuoraBilling()) {
            ZuoraClient zuora = new ZuoraClient(config.zuora());
            builder.billingGateway(tenants -> m.wrap(BillingGateway.class,
                    new ZuoraBillingGateway(zuora, tenants::apply, clock), "zuora"));
            // the hosted payment pages are Zuora's (rsa-signatures; the page's refId is Zuora's payment method id)
            builder.paymentPages(m.wrap(PaymentPages.class,
                    new ZuoraPaymentPages(zuora, config.zuoraHostedPageUri().toString()), "zuora"));
            // issue 13: Zuora's product catalog is the tenants' products, rate plans and charges
            builder.catalogSource(m.wrap(CatalogSource.class, new ZuoraCatalogSource(zuora), "zuora"));
        } else {
            builder.ledger(new JdbiLedgerStore(jdbi));
        }
        // issue 14 §3: quotes from Salesforce's Zuora Quotes (SUITE_QUOTES=salesforce), else kept in the database
        builder.quoteLinks(new JdbiQuoteLinks(jdbi));
        if (config.salesforceQuotes()) {
            builder.quoteSource(m.wrap(QuoteSource.class, new SalesforceQuoteSource(config.salesforce()), "salesforce"));
        } else {
            JdbiQuotes quotes = new JdbiQuotes(jdbi);
            builder.quoteSource(quotes).storedQuotes(quotes);
        }
        // issue 15: the scheduled clean-up's store (docs/housekeeping.md)
        builder.housekeeping(new JdbiHousekeeping(jdbi), config.cleanup().batchSize());
        // issue 14: the Zuora Revenue feed; without SUITE_REVENUE_* the batches are CSV files in the data dir
        ServerConfig.Revenue revenue = config.revenue();
        builder.revenueBatches(new JdbiRevenueBatches(jdbi))
                .revenueFeed(revenue.zuora() == null ? new CsvFileRevenueFeed(config.dataDir().resolve("revenue"))
                        : m.wrap(RevenueFeed.class, new ZuoraRevenueFeed(revenue.zuora()), "zuora_revenue"))
                .revenueSettings(revenue.batchSize(), java.time.Duration.ofSeconds(revenue.leaseSeconds()),
                        java.time.Duration.ofSeconds(30));
        if (meters != null) {
            builder.instrumentation(meters);
        }
        return builder.build();
    }

    /** Wraps a port to a remote system with the meters, or leaves it as it is. */
    @FunctionalInterface
    private interface Metering {
        Metering NONE = new Metering() {
            @Override
            public <T> T wrap(Class<T> port, T target, String system) {
                return target;
            }
        };

        <T> T wrap(Class<T> port, T target, String system);
    }

    /**
     * One run of the revenue batch job over every tenant; a failure (also a run Zuora Revenue stopped) is
     * thrown, for the scheduler to count and log.
     */
    static void revenueRun(Engine engine) {
        engine.revenue().ifPresent(revenue -> {
            var run = revenue.postRevenue().run();
            if (run.stoppedBy() != null) {
                throw new IllegalStateException("revenue feed stopped: " + run.stoppedBy());
            }
            if (run.uploaded() + run.loaded() + run.failed() + run.inDoubt() > 0) {
                LOG.info("revenue feed: {} batches opened, {} uploads, {} loaded, {} failed, {} in doubt",
                        run.opened(), run.uploaded(), run.loaded(), run.failed(), run.inDoubt());
            }
        });
    }

    /** Where the built-in PayPal approval is served: relative to the API's base unless a public URL is set. */
    static String payPalApprovalUrl(ServerConfig config) {
        String path = "/payment-provider/paypal/approve";
        return config.publicUrl() == null ? path : config.publicUrl() + path;
    }

    /** SMTP when configured, else the persistent outbox (read it with {@code java -jar … outbox}). */
    private static Mailer mailer(ServerConfig config, Database database, Clock clock) {
        ServerConfig.Smtp smtp = config.smtp();
        if (smtp == null) {
            return new OutboxMailer(database.jdbi(), clock);
        }
        return new SmtpMailer(new SmtpSettings(smtp.host(), smtp.port(), smtp.user(), smtp.password(),
                smtp.startTls(), config.mailFrom(), java.time.Duration.ofSeconds(10)));
    }

    /** The JDBC URL without its parameters (which may carry credentials), for the log. */
    static String withoutParameters(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    /** One run of the clean-up with its counts logged; what it removed. */
    static CleanUp.CleanUpReport cleanUpRun(Engine engine) {
        CleanUp.CleanUpReport report = engine.cleanUp()
                .orElseThrow(() -> new IllegalStateException("the engine was built without housekeeping"))
                .cleanUp();
        LOG.info("clean-up removed {} rows: {}", report.total(), report);
        return report;
    }

    /**
     * After a clean-up, on the H2 file: rewrites the pages still live in its sparsest chunks for at most
     * {@code budget} so that H2 can free them (docs/housekeeping.md); nothing on PostgreSQL. Logs what it did
     * when it did anything.
     */
    static StorageCompaction compactionRun(Database database, Duration budget) {
        StorageCompaction compaction = database.compactStorage(budget);
        if (compaction.steps() > 0) {
            LOG.info("compacted the H2 file in {} steps: its chunks were {}% full ({}% after, counting the chunks it "
                    + "freed until H2's retention time has passed); file {} bytes", compaction.steps(),
                    compaction.fillRateBefore(), compaction.fillRateAfter(), compaction.fileBytes());
        }
        return compaction;
    }

    /** How often booked quotes whose source was not reached are marked accepted again. */
    static final long QUOTE_MARK_MINUTES = 5;

    /** One run of the quote mark job; a failure is thrown (the scheduler counts and logs it). */
    static void markAcceptedQuotes(Engine.Quotes quotes) {
        int marked = quotes.markAcceptedQuotes().markPending();
        if (marked > 0) {
            LOG.info("marked {} booked quotes accepted at their source", marked);
        }
    }

    /** Whether this server syncs every tenant's catalog from the billing system on a schedule (Zuora only). */
    static boolean catalogSyncs(ServerConfig config, Engine engine) {
        return config.catalogSyncs() && engine.catalogSync().isPresent();
    }

    /** Whether this server runs the built-in ledger's bill run (Zuora bills by itself). */
    static boolean billRuns(ServerConfig config, Engine engine) {
        return config.billingRunMinutes() > 0 && engine.billing().flatMap(Engine.Billing::runBilling).isPresent();
    }

    /**
     * The built-in ledger's bill run for every tenant; safe on several instances at once (each account
     * is billed on its locked row); a failure is thrown (the scheduler counts and logs it, and the periods
     * stay due for the next run).
     */
    static void billingRun(Engine engine) {
        for (var run : engine.runBilling().billEveryTenant()) {
            if (!run.invoiceIds().isEmpty()) {
                LOG.info("bill run of tenant {} for {}: {} subscriptions charged, {} invoices raised",
                        run.tenantId(), run.day(), run.subscriptions(), run.invoiceIds().size());
            }
        }
    }

    /**
     * One round of the business events: the consumers (the webhook fan-out) and the webhook workers.
     * A failure is thrown (the scheduler counts and logs it); the next round starts where this one stopped.
     */
    static void deliverEvents(Engine engine) {
        engine.events().ifPresent(events -> {
            events.deliverEvents().deliver();
            events.deliverEvents().sendWebhooks();
        });
    }

    private static void refresh(Engine engine) {
        if (engine.refreshTenants()) {
            LOG.info("tenant definitions changed; catalog refreshed");
        }
    }

    public int port() {
        return http.port();
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Stops gracefully (Main calls it from a JVM shutdown hook, so on SIGTERM): readiness turns to 503
     * {@code shutdown}; the HTTP server stops accepting connections and lets the requests in flight
     * finish for up to {@code SUITE_SHUTDOWN_GRACE_SECONDS} (new requests on open connections get 503);
     * then the jobs are stopped (interrupted, and waited for up to the same grace) and the pool closes.
     */
    @Override
    public void close() {
        readiness.shuttingDown();
        LOG.info("shutting down: no new requests, waiting for those in flight");
        try {
            http.stop();
        } finally {
            stopJobs();
            if (metrics != null) {
                metrics.close();
            }
            database.close();
        }
    }

    /** The port {@code /metrics} is served on; empty without {@code SUITE_METRICS_PORT}. */
    public java.util.OptionalInt metricsPort() {
        return metrics == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(metrics.port());
    }

    /**
     * No job starts again; a run under way may finish within the grace. It is not interrupted first: an
     * interrupt during a write closes H2's file channel, and with it the database for every thread.
     * A run still going after the grace is interrupted.
     */
    private void stopJobs() {
        java.util.List<ScheduledExecutorService> jobs = new java.util.ArrayList<>();
        for (ScheduledExecutorService job : new ScheduledExecutorService[] {refresher, deliveries, revenueJob}) {
            if (job != null) {
                job.shutdown();
                jobs.add(job);
            }
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(shutdownGraceSeconds).toNanos();
        try {
            for (ScheduledExecutorService job : jobs) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !job.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    LOG.warn("a background job did not stop within the grace; interrupting it and closing the pool");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            jobs.forEach(ScheduledExecutorService::shutdownNow);
        }
    }
}
