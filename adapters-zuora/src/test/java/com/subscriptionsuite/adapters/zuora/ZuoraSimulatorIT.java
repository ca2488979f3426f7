package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.ledger.TeamShopBilling;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.RequestKey;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.zuora.simulator.SimulatorState;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's resilience against the Zuora simulator's faults, through the gateway: token expiry,
 * rate limits, answers lost after Zuora booked, outages (circuit breaker), the bulkhead, and that
 * every request the adapter sent follows Zuora's API document.
 */
class ZuoraSimulatorIT {
    private static final Clock CLOCK = Clock.fixed(TeamShopBilling.START, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.ofInstant(TeamShopBilling.START, ZoneOffset.UTC);
    private ZuoraSimulator simulator;
    private TenantDefinition shop;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() {
        simulator = ZuoraSimulator.start(ZuoraSimulator.options().clock(CLOCK));
        shop = ZuoraTestCatalogs.withZuoraIds(TeamShopBilling.shop());
        ZuoraTestCatalogs.seed(simulator, shop.catalog());
    }

    @AfterEach
    void stop() {
        assertThat(simulator.state().invalidRequests()).as("requests against Zuora's API document").isEmpty();
        simulator.close();
    }

    private ZuoraBillingGateway gateway(Function<ZuoraSettings, ZuoraSettings> tune) {
        return new ZuoraBillingGateway(client(tune), id -> shop, CLOCK);
    }

    private ZuoraClient client(Function<ZuoraSettings, ZuoraSettings> tune) {
        ZuoraSettings settings = tune.apply(ZuoraSettings.of(simulator.baseUrl(), simulator.clientId(),
                simulator.clientSecret()));
        return new ZuoraClient(settings, new ZuoraClient.Resilience(Duration.ofMillis(50), Duration.ofSeconds(2), 50,
                4, Duration.ofMillis(500), Duration.ZERO), () -> "corr-" + run, CLOCK);
    }

    private RequestKey key(String step) {
        return RequestKey.of("sim-" + run, step);
    }

    private AccountRef open(BillingGateway gateway, long user) {
        AccountDetails details = new AccountDetails(false, null, "Ann", "Example", "Hauptstr. 1", "10115", "Berlin",
                null, "DE", "ann@example.com", null, null, false, null, null, null, null, null, null, null, null, null,
                null, "EUR");
        BillingAccount account = gateway.openAccount(key("open-" + user), new BillingGateway.OpenAccount(
                TeamShopBilling.SHOP, user, CurrencyUnit.EUR, details, null, TeamShopBilling.START)).get();
        return new AccountRef(TeamShopBilling.SHOP, user, account.id());
    }

    private BillingGateway.Subscribe basic(AccountRef ref, long quantity) {
        SuiteProduct sp = shop.catalog().suiteProduct(TeamShop.BASIC).get();
        return new BillingGateway.Subscribe(ref, CurrencyUnit.EUR, TeamShopBilling.GERMAN_VAT,
                List.of(new CartLine(sp.id(), quantity, 1, List.of(shop.catalog().ratePlan(sp.ratePlanId()).get()))),
                TODAY, TeamShopBilling.START);
    }

    private List<SimulatorState.RecordedRequest> requests(String method, String path) {
        return simulator.state().requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    @Test
    void sends_the_pinned_version_and_the_correlation_id_on_every_v1_call() {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        gateway.account(ref);

        assertThat(simulator.state().requests().stream().filter(r -> r.path().startsWith("/v1/")))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.zuoraVersion()).isEqualTo(ZuoraSettings.DEFAULT_VERSION);
                    assertThat(r.trackId()).isEqualTo("corr-" + run);
                });
    }

    @Test
    void renews_an_expired_token_and_repeats_the_call() {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        simulator.expireTokens();

        Either<BillingFailure, BillingAccount> read = gateway.account(ref);

        assertThat(read.isRight()).as("%s", read).isTrue();
        assertThat(requests("POST", "/oauth/token")).hasSize(2);
    }

    @Test
    void waits_out_a_rate_limit_and_books_once_under_one_idempotency_key() {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        int orders = simulator.state().orderCount();
        simulator.faults().on("POST", "/v1/orders").rateLimit(1, 1);

        Either<BillingFailure, BillingGateway.Subscribed> booked = gateway.subscribe(key("subscribe"), basic(ref, 2));

        assertThat(booked.isRight()).as("%s", booked).isTrue();
        assertThat(simulator.state().orderCount()).isEqualTo(orders + 1);
        assertThat(requests("POST", "/v1/orders")).hasSize(2).extracting(SimulatorState.RecordedRequest::idempotencyKey)
                .containsOnly(key("subscribe").value() + ":subscribe/order");
    }

    @Test
    void an_answer_lost_after_zuora_booked_is_recovered_by_repeating_the_same_key() {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        int orders = simulator.state().orderCount();
        simulator.faults().on("POST", "/v1/orders").commitThenDrop(1);

        Either<BillingFailure, BillingGateway.Subscribed> booked = gateway.subscribe(key("subscribe"), basic(ref, 2));

        assertThat(booked.isRight()).as("%s", booked).isTrue();
        assertThat(simulator.state().orderCount()).isEqualTo(orders + 1);
        assertThat(gateway.subscriptions(ref).get()).hasSize(1);
    }

    @Test
    void gives_up_as_unavailable_and_a_later_repeat_with_the_key_books_once() throws Exception {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        simulator.faults().on("POST", "/v1/orders").status(3, 503);

        Either<BillingFailure, BillingGateway.Subscribed> first = gateway.subscribe(key("subscribe"), basic(ref, 2));
        Thread.sleep(600); // three 5xx in a row opened the circuit; it lets a call through after its open time
        Either<BillingFailure, BillingGateway.Subscribed> again = gateway.subscribe(key("subscribe"), basic(ref, 2));
        Either<BillingFailure, BillingGateway.Subscribed> thrice = gateway.subscribe(key("subscribe"), basic(ref, 2));

        assertThat(first.getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
        assertThat(again.isRight()).as("%s", again).isTrue();
        assertThat(thrice).isEqualTo(again);
        assertThat(gateway.subscriptions(ref).get()).hasSize(1);
    }

    @Test
    void opens_the_circuit_while_zuora_is_down_and_recovers() throws Exception {
        ZuoraClient client = client(s -> s.withRetryAttempts(1));
        ZuoraBillingGateway gateway = new ZuoraBillingGateway(client, id -> shop, CLOCK);
        AccountRef ref = open(gateway, 1);
        simulator.faults().down(true);
        for (int i = 0; i < 4; i++) {
            assertThat(gateway.account(ref).getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
        }
        long calls = simulator.state().requestCount("GET", "/v1/accounts/" + ref.accountId());

        assertThat(gateway.account(ref).getLeft()).isEqualTo(new BillingFailure.Unavailable("circuit open"));
        assertThat(simulator.state().requestCount("GET", "/v1/accounts/" + ref.accountId())).isEqualTo(calls);

        simulator.faults().down(false);
        Thread.sleep(600);
        assertThat(gateway.account(ref).isRight()).isTrue();
        assertThat(client.circuitState()).isEqualTo("CLOSED");
    }

    @Test
    void runs_no_more_calls_at_once_than_its_bulkhead_allows() throws Exception {
        ZuoraBillingGateway gateway = gateway(s -> s.withMaxConcurrent(2).withRetryAttempts(1));
        AccountRef ref = open(gateway, 1);
        simulator.faults().on("GET", "/v1/accounts").delay(10, 500);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Either<BillingFailure, BillingAccount>>> reads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reads.add(pool.submit(() -> gateway.account(ref)));
            }
            int answered = 0;
            int refused = 0;
            for (Future<Either<BillingFailure, BillingAccount>> f : reads) {
                Either<BillingFailure, BillingAccount> read = f.get();
                if (read.isRight()) {
                    answered++;
                } else {
                    assertThat(read.getLeft()).isEqualTo(new BillingFailure.Unavailable(
                            "too many concurrent calls to Zuora"));
                    refused++;
                }
            }
            assertThat(answered).isBetween(1, 2);
            assertThat(refused).isEqualTo(5 - answered);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_subscribe_repeated_after_zuoras_replay_window_answers_the_first_subscriptions_and_books_nothing() {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        BillingGateway.Subscribed first = gateway.subscribe(key("subscribe"), basic(ref, 2)).get();
        simulator.clock(Clock.offset(CLOCK, Duration.ofHours(25)));

        Either<BillingFailure, BillingGateway.Subscribed> again = gateway.subscribe(key("subscribe"), basic(ref, 2));

        assertThat(again).isEqualTo(Either.right(first));
        assertThat(first.invoice()).isNotNull();
        assertThat(gateway.subscriptions(ref).get()).hasSize(1);
    }

    @Test
    void finds_the_amendment_a_change_booked_with_its_key_also_after_zuoras_replay_window() {
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);
        gateway.subscribe(key("subscribe"), basic(ref, 2)).get();
        var booked = gateway.subscriptions(ref).get().get(0);
        BillingGateway.Cancellation cancel = new BillingGateway.Cancellation(new BillingGateway.PreviewedChange(ref,
                booked.id(), booked.version(), booked.chargedThroughDate(),
                com.subscriptionsuite.domain.subscription.ChangeAction.CANCEL, TODAY, booked.chargedThroughDate(),
                List.of(), List.of(), TeamShopBilling.GERMAN_VAT, "Cancel", TeamShopBilling.START));

        BillingGateway.Amended first = gateway.cancel(key("cancel"), cancel).get();

        assertThat(gateway.amendment(ref, key("cancel")).get().toJavaOptional()).contains(first);
        assertThat(gateway.amendment(ref, key("other")).get().isEmpty()).isTrue();
        simulator.clock(Clock.offset(CLOCK, Duration.ofHours(25)));
        Either<BillingFailure, BillingGateway.Amended> again = gateway.cancel(key("cancel"), cancel);
        assertThat(again).isEqualTo(Either.right(first));
        assertThat(gateway.subscriptions(ref).get().get(0).version()).isEqualTo(booked.version() + 1);
    }

    @Test
    void books_what_zuora_prices_and_answers_its_invoices_amount_for_the_engine_to_compare() {
        simulator.close();
        simulator = ZuoraSimulator.start(ZuoraSimulator.options().clock(CLOCK));
        ZuoraTestCatalogs.seed(simulator, doubled(shop.catalog()));
        ZuoraBillingGateway gateway = gateway(s -> s);
        AccountRef ref = open(gateway, 1);

        Either<BillingFailure, BillingGateway.Subscribed> booked = gateway.subscribe(key("subscribe"), basic(ref, 2));

        assertThat(booked.isRight()).as("%s", booked).isTrue();
        // the engine previewed EUR 69.80 for the cart; Zuora priced it by its own (doubled) catalog
        assertThat(booked.get().invoice().amountWithoutTax()).isEqualTo(org.joda.money.Money.parse("EUR 139.60"));
    }

    /** The catalog at twice its prices: a Zuora tenant whose prices drifted from the engine's. */
    private static com.subscriptionsuite.domain.catalog.Catalog doubled(com.subscriptionsuite.domain.catalog.Catalog c) {
        return new com.subscriptionsuite.domain.catalog.Catalog(c.allProducts(), c.ratePlans().stream()
                .map(r -> new com.subscriptionsuite.domain.catalog.RatePlan(r.id(), r.zuoraId(), r.productId(),
                        r.name(), r.description(), r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream()
                        .map(ch -> new com.subscriptionsuite.domain.catalog.Charge(ch.id(), ch.zuoraId(), ch.name(),
                                ch.description(), ch.type(), ch.model(), ch.billingPeriod(),
                                ch.specificBillingPeriod(), ch.billingTiming(), ch.defaultQuantity(),
                                ch.minQuantity(), ch.maxQuantity(), ch.uom(), ch.taxMode(), ch.taxable(),
                                ch.includedUnits(), ch.discountAppliesTo(), ch.tiers().stream()
                                .map(t -> new com.subscriptionsuite.domain.catalog.Tier(t.currency(),
                                        t.startingUnit(), t.endingUnit(), t.price().add(t.price()), t.priceFormat(),
                                        t.overagePrice())).toList())).toList())).toList(),
                c.suiteProducts(), c.pages(), c.deletedProductIds());
    }
}
