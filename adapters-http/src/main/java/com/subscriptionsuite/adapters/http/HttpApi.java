package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.access.ClientAddress;
import com.subscriptionsuite.adapters.http.access.Cors;
import com.subscriptionsuite.adapters.http.account.AccountEndpoints;
import com.subscriptionsuite.adapters.http.checkout.CheckoutEndpoints;
import com.subscriptionsuite.adapters.http.idempotency.IdempotencyKeys;
import com.subscriptionsuite.adapters.http.access.RequestAccess;
import com.subscriptionsuite.adapters.http.catalog.CatalogEndpoints;
import com.subscriptionsuite.adapters.http.catalogsync.CatalogSyncEndpoints;
import com.subscriptionsuite.adapters.http.reconciliation.ReconciliationEndpoints;
import com.subscriptionsuite.adapters.http.quote.QuoteEndpoints;
import com.subscriptionsuite.adapters.http.webhook.WebhookAdminEndpoints;
import com.subscriptionsuite.adapters.http.revenue.RevenueEndpoints;
import com.subscriptionsuite.adapters.http.change.ChangeEndpoints;
import com.subscriptionsuite.adapters.http.change.PendingChangeEndpoints;
import com.subscriptionsuite.adapters.http.config.ConfigEndpoints;
import com.subscriptionsuite.adapters.http.error.ApiError;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.identity.IdentityEndpoints;
import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.json.JsonBody;
import com.subscriptionsuite.adapters.http.payment.PaymentEndpoints;
import com.subscriptionsuite.adapters.http.pricing.PreviewEndpoints;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.adapters.http.translation.TranslationEndpoints;
import com.subscriptionsuite.adapters.http.vat.VatEndpoints;
import com.subscriptionsuite.adapters.http.voucher.VoucherEndpoints;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.ServerBusy;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.admin.AuthorizeAdmin;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import com.subscriptionsuite.application.port.in.admin.RemoveProduct;
import com.subscriptionsuite.application.port.in.catalog.BrowseCatalog;
import com.subscriptionsuite.application.port.in.catalog.ShowShopPage;
import com.subscriptionsuite.application.port.in.config.ReadConfiguration;
import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.application.port.in.tenant.TenantAccessLookup;
import com.subscriptionsuite.application.port.in.translation.Translate;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP API (Subscription Suite API v2.1.0, the catalog, shop page, configuration,
 * translation, price preview, auth, voucher and product removal part) on Javalin. Every route but
 * {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /openapi.yaml} first refuses a repeated {@code Authorization},
 * {@code X-Tenant} or {@code Idempotency-Key} ({@link SingleHeaders}), then resolves the tenant,
 * then applies the tenant's CORS rules ({@link Cors}), then checks the route's
 * {@link com.subscriptionsuite.adapters.http.routing.Access} level ({@link RequestAccess}), and
 * only then runs its handler. Every failure is answered with the one error
 * shape {@code {"error": {"code", "message", "details"}}} and the status from
 * {@link com.subscriptionsuite.adapters.http.error.ErrorTable}; an unexpected exception becomes a
 * 500 {@code internal_error} with a correlation id that is also logged.
 *
 * <pre>{@code
 * Javalin app = new HttpApi(HttpApi.UseCases.from(engine), HttpSettings.defaults()).start("0.0.0.0", 8080);
 * }</pre>
 */
public final class HttpApi {
    /** The logging-context key of a request's correlation id (MDC), which outbound clients pass on. */
    public static final String CORRELATION_ID = "correlationId";

    /**
     * The request header a client may name its request with ({@link RequestIds}): taken as the
     * correlation id when it is a sane token, echoed back on every answer.
     */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The logger of the one line per request ({@link RequestLog}). */
    public static final String REQUEST_LOG = "com.subscriptionsuite.http.requests";

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The route pattern a request was matched to (a context attribute), for the request log. */
    static final String ROUTE = HttpApi.class.getName() + ".route";

    /**
     * The use cases the API serves: the engine's tenant, catalog, preview and admin use cases and its
     * identity group (every access check needs it), and each optional group of the engine when it has
     * it. A group that is absent mounts no routes: its paths are answered as any unknown path
     * (404 {@code route_not_found}, or 405 {@code method_not_allowed} where another route serves the
     * path). Without {@code vouchers} the voucher hold and redemption are not served; without
     * {@code vatValidation}, GET /account/vat-validate/{vatId}; without {@code billing}, POST
     * /subscription, the /account routes and the {@code /product/{uuid}/...} changes; without
     * {@code payments}, the payment-method routes (and of those, each part of the group that is
     * absent); without {@code idempotency}, the Idempotency-Key header is not looked at; without
     * {@code catalogSync}, POST /admin/catalog/sync; without {@code reconciliation}, GET
     * /admin/billing/discrepancies; without {@code revenue}, the
     * /admin/revenue routes.
     */
    public record UseCases(
            ResolveTenant resolveTenant,
            TenantAccessLookup tenantAccess,
            BrowseCatalog browseCatalog,
            ShowShopPage showShopPage,
            ReadConfiguration readConfiguration,
            Translate translate,
            PreviewPrices previewPrices,
            AuthorizeAdmin authorizeAdmin,
            RemoveProduct removeProduct,
            Engine.Identity identity,
            Optional<Engine.Vouchers> vouchers,
            Optional<Engine.VatValidation> vatValidation,
            Optional<Engine.Billing> billing,
            Optional<Engine.Payments> payments,
            Optional<Engine.Idempotency> idempotency,
            Optional<Engine.CatalogSync> catalogSync,
            Optional<Engine.Reconciliation> reconciliation,
            Optional<Engine.Quotes> quotes,
            Optional<Engine.Events> events,
            Optional<Engine.Revenue> revenue) {

        /** Without reconciliation, quotes, the business events' admin endpoints and the revenue feed. */
        public UseCases(ResolveTenant resolveTenant, TenantAccessLookup tenantAccess, BrowseCatalog browseCatalog,
                ShowShopPage showShopPage, ReadConfiguration readConfiguration, Translate translate,
                PreviewPrices previewPrices, AuthorizeAdmin authorizeAdmin, RemoveProduct removeProduct,
                Engine.Identity identity, Optional<Engine.Vouchers> vouchers,
                Optional<Engine.VatValidation> vatValidation, Optional<Engine.Billing> billing,
                Optional<Engine.Payments> payments, Optional<Engine.Idempotency> idempotency,
                Optional<Engine.CatalogSync> catalogSync) {
            this(resolveTenant, tenantAccess, browseCatalog, showShopPage, readConfiguration, translate, previewPrices,
                    authorizeAdmin, removeProduct, identity, vouchers, vatValidation, billing, payments, idempotency,
                    catalogSync, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public UseCases {
            Objects.requireNonNull(quotes, "quotes");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(resolveTenant, "resolveTenant");
            Objects.requireNonNull(tenantAccess, "tenantAccess");
            Objects.requireNonNull(browseCatalog, "browseCatalog");
            Objects.requireNonNull(showShopPage, "showShopPage");
            Objects.requireNonNull(readConfiguration, "readConfiguration");
            Objects.requireNonNull(translate, "translate");
            Objects.requireNonNull(previewPrices, "previewPrices");
            Objects.requireNonNull(authorizeAdmin, "authorizeAdmin");
            Objects.requireNonNull(removeProduct, "removeProduct");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(vouchers, "vouchers");
            Objects.requireNonNull(vatValidation, "vatValidation");
            Objects.requireNonNull(billing, "billing");
            Objects.requireNonNull(payments, "payments");
            Objects.requireNonNull(idempotency, "idempotency");
            Objects.requireNonNull(catalogSync, "catalogSync");
            Objects.requireNonNull(reconciliation, "reconciliation");
            Objects.requireNonNull(revenue, "revenue");
        }

        /**
         * The use cases of an engine built with the identity ports (the API checks every caller's access
         * with them), and each optional group the engine has.
         */
        public static UseCases from(Engine engine) {
            Engine.Identity identity = engine.identity().orElseThrow(() -> new IllegalArgumentException(
                    "the HTTP API needs an engine with the identity ports: every route's access is checked with them"));
            return new UseCases(engine.resolveTenant(), engine.tenantAccess(), engine.browseCatalog(),
                    engine.showShopPage(), engine.readConfiguration(), engine.translate(), engine.previewPrices(),
                    engine.authorizeAdmin(), engine.removeProduct(), identity, engine.vouchers(),
                    engine.vatValidation(), engine.billing(), engine.payments(), engine.idempotency(),
                    engine.catalogSync(), engine.reconciliation(), engine.quotes(), engine.events(), engine.revenue());
        }

        /** The same use cases with another catalog browser (tests put a failing one in). */
        public UseCases withBrowseCatalog(BrowseCatalog other) {
            return new UseCases(resolveTenant, tenantAccess, other, showShopPage, readConfiguration, translate,
                    previewPrices, authorizeAdmin, removeProduct, identity, vouchers, vatValidation, billing, payments,
                    idempotency, catalogSync, reconciliation, quotes, events, revenue);
        }

        /** The same use cases with another invoice reader (tests put one in that hands out PDFs). */
        public UseCases withReadInvoices(ReadInvoices other) {
            Optional<Engine.Billing> withOther = billing.map(b -> new Engine.Billing(b.checkout(), b.manageAccount(),
                    b.readSubscriptions(), other, b.runBilling(), b.changeSubscription(), b.withdrawChange()));
            return new UseCases(resolveTenant, tenantAccess, browseCatalog, showShopPage, readConfiguration, translate,
                    previewPrices, authorizeAdmin, removeProduct, identity, vouchers, vatValidation, withOther,
                    payments, idempotency, catalogSync, reconciliation, quotes, events, revenue);
        }

        /** The same use cases with another checkout (tests put one in that fails as the billing system can). */
        public UseCases withCheckout(Checkout other) {
            Optional<Engine.Billing> withOther = billing.map(b -> new Engine.Billing(other, b.manageAccount(),
                    b.readSubscriptions(), b.readInvoices(), b.runBilling(), b.changeSubscription(), b.withdrawChange()));
            return new UseCases(resolveTenant, tenantAccess, browseCatalog, showShopPage, readConfiguration, translate,
                    previewPrices, authorizeAdmin, removeProduct, identity, vouchers, vatValidation, withOther,
                    payments, idempotency, catalogSync, reconciliation, quotes, events, revenue);
        }

        /** The same use cases with another idempotency runner (tests put one in that holds a request). */
        public UseCases withIdempotentRequests(IdempotentRequests other) {
            return new UseCases(resolveTenant, tenantAccess, browseCatalog, showShopPage, readConfiguration, translate,
                    previewPrices, authorizeAdmin, removeProduct, identity, vouchers, vatValidation, billing, payments,
                    Optional.of(new Engine.Idempotency(other)), catalogSync, reconciliation, quotes, events, revenue);
        }
    }

    private final UseCases useCases;
    private final ClientAddress clientAddress;
    private final HttpSettings settings;
    private final Json json;
    private final List<Route> routes;
    private final RequestAccess access;
    private final Cors cors;
    private final IdempotencyKeys idempotencyKeys;
    private final RequestMetrics metrics;

    /** The API with nothing to check for readiness ({@link Readiness#ALWAYS}). */
    public HttpApi(UseCases useCases, HttpSettings settings) {
        this(useCases, settings, Readiness.ALWAYS);
    }

    /** The API whose {@code GET /health/ready} asks {@code readiness}, without metrics. */
    public HttpApi(UseCases useCases, HttpSettings settings, Readiness readiness) {
        this(useCases, settings, readiness, null);
    }

    /**
     * The API whose {@code GET /health/ready} asks {@code readiness} and which times every request into
     * {@code meters} ({@link RequestMetrics}; null: no metrics).
     */
    public HttpApi(UseCases useCases, HttpSettings settings, Readiness readiness, MeterRegistry meters) {
        Objects.requireNonNull(readiness, "readiness");
        this.metrics = meters == null ? null : new RequestMetrics(meters);
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.clientAddress = ClientAddress.trusting(settings.trustedProxies());
        this.settings = Objects.requireNonNull(settings, "settings");
        this.json = Json.strict();
        JsonBody body = new JsonBody(json, settings.maxBodyBytes());
        List<Route> all = new ArrayList<>();
        all.addAll(ServiceEndpoints.routes(json, readiness));
        all.addAll(CatalogEndpoints.routes(useCases.browseCatalog(), useCases.showShopPage(),
                useCases.removeProduct(), json));
        all.addAll(ConfigEndpoints.routes(useCases.readConfiguration(), json));
        all.addAll(TranslationEndpoints.routes(useCases.translate(), json, body));
        all.addAll(PreviewEndpoints.routes(useCases.previewPrices(), json, body));
        Engine.Identity identity = useCases.identity();
        all.addAll(IdentityEndpoints.routes(new IdentityEndpoints.UseCases(identity.register(), identity.logIn(),
                identity.logInAsGuest(), identity.logOut(), identity.resetPassword()), json, body));
        useCases.vouchers().ifPresent(vouchers ->
                all.addAll(VoucherEndpoints.routes(vouchers.holdVoucher(), vouchers.consumeVoucher(), json, body)));
        useCases.vatValidation().ifPresent(vat -> all.addAll(VatEndpoints.routes(vat.validateVatId(), json)));
        useCases.billing().ifPresent(billing -> {
            all.addAll(ChangeEndpoints.routes(billing.changeSubscription(), json, body));
            all.addAll(PendingChangeEndpoints.routes(billing.withdrawChange(), json, body));
            all.addAll(CheckoutEndpoints.routes(billing.checkout(), json, body));
            all.addAll(AccountEndpoints.routes(billing.manageAccount(), billing.readSubscriptions(),
                    billing.readInvoices(), json, body));
        });
        useCases.payments().ifPresent(payments -> all.addAll(PaymentEndpoints.routes(payments, json, body)));
        useCases.catalogSync().ifPresent(sync -> all.addAll(CatalogSyncEndpoints.routes(sync.syncCatalog(), json)));
        useCases.reconciliation().ifPresent(r -> all.addAll(ReconciliationEndpoints.routes(
                r.readInvoiceDiscrepancies(), json)));
        useCases.quotes().ifPresent(quotes -> all.addAll(QuoteEndpoints.routes(quotes, json, body)));
        useCases.events().flatMap(Engine.Events::manageWebhooks)
                .ifPresent(manage -> all.addAll(WebhookAdminEndpoints.routes(manage, json)));
        useCases.revenue().ifPresent(revenue -> all.addAll(RevenueEndpoints.routes(revenue.manageRevenueBatches(),
                revenue.postRevenue(), json)));
        this.routes = List.copyOf(all);
        this.access = new RequestAccess(identity.authenticate(), useCases.authorizeAdmin(), json);
        this.cors = new Cors(useCases.tenantAccess(), json);
        this.idempotencyKeys = useCases.idempotency()
                .map(idempotency -> new IdempotencyKeys(idempotency.idempotentRequests(), body, json)).orElse(null);
    }

    /** Every route with its access level: the access matrix as served. */
    public List<Route> routes() {
        return routes;
    }

    /** A configured, not yet started server. */
    public Javalin create() {
        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProtocolErrors(json, settings.maxBodyBytes()));
                // a graceful stop: the connectors stop accepting, Javalin's StatisticsHandler lets the requests
                // in flight finish (new ones on open connections get 503) for up to the grace, then Jetty stops
                server.setStopTimeout(settings.shutdownGrace().toMillis());
            });
            config.jetty.modifyHttpConfiguration(HttpApi::headersExactlyAsSent);
            config.requestLogger.http((ctx, millis) -> {
                RequestLog.log(ctx, millis);
                if (metrics != null) {
                    metrics.record(ctx, millis);
                }
            });
            config.router.mount(router -> {
                router.before(RequestIds::identify);
                for (Route route : routes) {
                    Handler handler = correlated(route.path(), addressed(route.scope() == Route.Scope.TENANT
                            ? tenantScoped(cors.scoped(access.guard(idempotent(route))))
                            : route.handler()));
                    router.addHttpHandler(route.method(), route.path(), handler);
                    if (route.method() == HandlerType.GET) {
                        // else Javalin answers HEAD itself, with an empty 200 and no check at all
                        router.addHttpHandler(HandlerType.HEAD, route.path(),
                                route.servesHead() ? handler : correlated(route.path(), this::noRoute));
                    }
                }
                tenantMethodsByPath().forEach((path, methods) -> router.addHttpHandler(HandlerType.OPTIONS, path,
                        correlated(path, preflight(cors.preflight(methods), cors.anyTenantPreflight(methods)))));
                router.exception(HttpResponseException.class, this::frameworkResponse);
                router.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
            });
        });
    }

    /**
     * Every request's header values exactly as its client sent them. Jetty's parser keeps a cache of
     * header fields per connection and, by default, matches it without regard to case: on a
     * keep-alive connection a second request whose {@code Authorization} differed from the first
     * only in letter case was handed the first request's value, so a case-changed token
     * authenticated. The per-connection cache is switched off (no credential outlives its request
     * in the parser), and the lookup in Jetty's static cache of common fields keeps the value's
     * case as sent.
     */
    private static void headersExactlyAsSent(HttpConfiguration http) {
        http.setHeaderCacheSize(0);
        http.setHeaderCacheCaseSensitive(true);
    }

    /**
     * A preflight for the tenant it names (X-Tenant, or a Host that is a tenant's); one that names none,
     * with several tenants behind this host, is answered by every tenant's origins (browsers send no
     * custom header with a preflight).
     */
    private Handler preflight(Handler forTenant, Handler forAnyTenant) {
        Handler scoped = tenantScoped(forTenant);
        return ctx -> {
            String header = ctx.header(RequestTenant.HEADER);
            boolean namesNone = (header == null || header.isBlank())
                    && useCases.resolveTenant().resolve(null, ctx.header("Host")).isLeft();
            if (namesNone) {
                forAnyTenant.handle(ctx);
            } else {
                scoped.handle(ctx);
            }
        };
    }

    /** Resolves the client's address once ({@link ClientAddress}, behind trusted proxies the forwarded one). */
    private Handler addressed(Handler handler) {
        return ctx -> {
            ctx.attribute(ClientAddress.ATTRIBUTE, clientAddress.resolve(ctx.ip(), ctx.header("X-Forwarded-For")));
            handler.handle(ctx);
        };
    }

    /**
     * Runs the handler with the request's correlation id ({@link RequestIds#identify}, from
     * {@code X-Request-Id} or generated) in the logging context ({@link #CORRELATION_ID}, so every log
     * line of the request names it, and a remote system's client sends it on, as Zuora's adapter does
     * in {@code Zuora-Track-Id}), and notes the route pattern for the request log.
     */
    private static Handler correlated(String routePattern, Handler handler) {
        return ctx -> {
            ctx.attribute(ROUTE, routePattern);
            String id = RequestIds.of(ctx);
            MDC.put(CORRELATION_ID, id);
            try {
                handler.handle(ctx);
            } finally {
                MDC.remove(CORRELATION_ID);
            }
        };
    }

    /** The route with the Idempotency-Key header honoured, where it changes state for a user. */
    private Route idempotent(Route route) {
        return idempotencyKeys == null ? route : idempotencyKeys.applyTo(route);
    }

    /** A repeated header field the request is decided on is refused first, then the tenant is resolved. */
    private Handler tenantScoped(Handler handler) {
        return SingleHeaders.required(json, RequestTenant.scoped(useCases.resolveTenant(), json, handler));
    }

    /** The methods served on each tenant-scoped path, for the preflight's Access-Control-Allow-Methods and Allow. */
    private Map<String, List<String>> tenantMethodsByPath() {
        Map<String, List<Route>> byPath = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.scope() == Route.Scope.TENANT) {
                byPath.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route);
            }
        }
        Map<String, List<String>> methods = new LinkedHashMap<>();
        byPath.forEach((path, served) -> methods.put(path, methods(served)));
        return methods;
    }

    /** The methods of {@code served}, in their order, HEAD right after a GET that serves it. */
    private static List<String> methods(List<Route> served) {
        List<String> methods = new ArrayList<>();
        for (Route route : served) {
            List<String> more = route.servesHead() ? List.of(route.method().name(), HandlerType.HEAD.name())
                    : List.of(route.method().name());
            more.stream().filter(m -> !methods.contains(m)).forEach(methods::add);
        }
        return methods;
    }

    /** Creates and starts the server; port 0 picks a free port ({@code app.port()} tells which). */
    public Javalin start(String host, int port) {
        return create().start(host, port);
    }

    /** Javalin's own 404 (no route for method and path) becomes route_not_found or method_not_allowed. */
    private void frameworkResponse(HttpResponseException e, Context ctx) {
        if (e instanceof EndpointNotFound || e.getStatus() == 404 || e.getStatus() == 405) {
            noRoute(ctx);
            return;
        }
        unexpected(ctx, e);
    }

    /**
     * No route serves the request's method on its path: 405 method_not_allowed with {@code Allow}
     * when the path is served for other methods, else 404 route_not_found.
     */
    private void noRoute(Context ctx) {
        String path = ctx.path();
        List<String> allowed = new ArrayList<>(methods(routes.stream().filter(r -> r.matches(path)).toList()));
        if (routes.stream().anyMatch(r -> r.matches(path) && r.scope() == Route.Scope.TENANT)) {
            allowed.add(HandlerType.OPTIONS.name());
        }
        if (allowed.isEmpty()) {
            json.error(ctx, ApiError.from(new RequestFailure.RouteNotFound(ctx.method().name(), path)));
        } else {
            ctx.header("Allow", String.join(", ", allowed));
            json.error(ctx, ApiError.from(new RequestFailure.MethodNotAllowed(ctx.method().name(), path, allowed)));
        }
    }

    /**
     * A bug or an outage: 500 with a correlation id, except a {@link ServerBusy} anywhere in the
     * cause chain (the database pool stayed exhausted), which is 503 {@code server_busy} with
     * {@code Retry-After}: an overload, not a bug, logged at WARN without a stack trace.
     */
    private void unexpected(Context ctx, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerBusy busy) {
                LOG.warn("server_busy on {} {}: {}", ctx.method().name(), ctx.path(), busy.getMessage());
                json.error(ctx, ApiError.from(new RequestFailure.ServerBusy(busy.retryAfterSeconds())));
                return;
            }
        }
        String correlationId = ctx.attribute(CORRELATION_ID) instanceof String id ? id
                : UUID.randomUUID().toString();
        LOG.error("internal_error correlation_id={} on {} {}", correlationId, ctx.method().name(), ctx.path(), e);
        json.error(ctx, ApiError.from(new RequestFailure.Unexpected(correlationId)));
    }
}
