package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.ledger.TeamShopBilling;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog.SourceProduct;
import com.subscriptionsuite.domain.catalog.BillingPeriod;
import com.subscriptionsuite.domain.catalog.BillingTiming;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.TaxMode;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.pricing.ChargePrice;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ZuoraCatalogSource} against the loopback simulator: the team shop's catalog seeded under its
 * Zuora ids comes back field for field, a catalog of more than one page comes back whole, a charge
 * model the engine cannot price refuses the fetch, and the engine's own {@code SyncCatalog} with this
 * source puts a price changed in Zuora into the engine's price preview.
 */
class ZuoraCatalogSourceIT {
    private static final Clock CLOCK = Clock.fixed(TeamShopBilling.START, ZoneOffset.UTC);
    private static ZuoraSimulator simulator;
    private static ZuoraClient client;
    private static ZuoraCatalogSource source;
    private final TenantDefinition shop = ZuoraTestCatalogs.withZuoraIds(TeamShopBilling.shop());

    @BeforeAll
    static void startSimulator() {
        simulator = ZuoraSimulator.start(ZuoraSimulator.options().clock(CLOCK));
        client = client(ZuoraSettings.of(simulator.baseUrl(), simulator.clientId(), simulator.clientSecret()));
        source = new ZuoraCatalogSource(client);
    }

    static ZuoraClient client(ZuoraSettings settings) {
        return new ZuoraClient(settings, new ZuoraClient.Resilience(Duration.ofMillis(50), Duration.ofSeconds(2), 50,
                20, Duration.ofSeconds(5), Duration.ofSeconds(5)), () -> "catalog-it", CLOCK);
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            List<?> invalid = simulator.state().invalidRequests();
            simulator.close();
            assertThat(invalid).as("requests against Zuora's API document").isEmpty();
        }
    }

    @BeforeEach
    void emptyCatalog() {
        simulator.catalog().clear();
    }

    @Test
    void fetches_the_seeded_catalog_in_every_field_the_sync_uses() {
        ZuoraTestCatalogs.seed(simulator, shop.catalog());

        SourceCatalog fetched = source.fetch(TeamShopBilling.SHOP).get();

        assertThat(view(fetched)).isEqualTo(view(shop.catalog()));
        assertThat(invalidRequests()).isEmpty();
    }

    @Test
    void fetches_the_same_catalog_inline_below_zuora_version_230() {
        ZuoraTestCatalogs.seed(simulator, shop.catalog());
        ZuoraSettings s = ZuoraSettings.of(simulator.baseUrl(), simulator.clientId(), simulator.clientSecret());
        ZuoraCatalogSource old = new ZuoraCatalogSource(client(new ZuoraSettings(s.baseUrl(), s.clientId(),
                s.clientSecret(), "229.0", s.entityId(), s.connectTimeout(), s.readTimeout(), s.maxConcurrent(),
                s.retryAttempts())));

        assertThat(view(old.fetch(TeamShopBilling.SHOP).get())).isEqualTo(view(shop.catalog()));
    }

    @Test
    void reads_every_page_of_products_and_maps_specific_months_and_tiers() {
        for (int n = 1; n <= 45; n++) {
            simulator.catalog().addProduct(com.subscriptionsuite.zuora.simulator.Catalog.product("P" + n)
                    .id("zp" + n)
                    .ratePlan(com.subscriptionsuite.zuora.simulator.Catalog.ratePlan("Plan " + n).id("zr" + n)
                            .charge(com.subscriptionsuite.zuora.simulator.Catalog.recurring("Quarterly " + n, "PerUnit")
                                    .id("zc" + n).billingPeriod("Specific_Months").attribute("specificBillingPeriod", 3)
                                    .attribute("taxMode", "TaxInclusive").attribute("taxable", true)
                                    .price("EUR", n + ".50"))
                            .charge(com.subscriptionsuite.zuora.simulator.Catalog.usage("Calls " + n, "Tiered")
                                    .id("zt" + n).tier("EUR", "0", "100", "0", "FlatFee")
                                    .tier("EUR", "101", null, "0.02", "PerUnit"))));
        }

        SourceCatalog fetched = source.fetch(TeamShopBilling.SHOP).get();

        assertThat(fetched.products()).hasSize(45);
        assertThat(fetched.products()).extracting(p -> p.product().zuoraId())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 45).mapToObj(n -> "zp" + n)
                        .toList());
        SourceProduct last = fetched.products().get(44);
        Charge quarterly = last.ratePlans().get(0).charges().get(0);
        assertThat(quarterly.billingPeriod()).isEqualTo(BillingPeriod.SPECIFIC_MONTHS);
        assertThat(quarterly.specificBillingPeriod()).isEqualTo(3);
        assertThat(quarterly.periodLabel()).isEqualTo("Specific_Months_3");
        assertThat(quarterly.taxMode()).isEqualTo(TaxMode.TAX_INCLUSIVE);
        assertThat(quarterly.taxable()).isTrue();
        assertThat(quarterly.tiers()).containsExactly(Tier.single(CurrencyUnit.EUR, new BigDecimal("45.50"),
                PriceFormat.PER_UNIT));
        Charge calls = last.ratePlans().get(0).charges().get(1);
        assertThat(calls.type()).isEqualTo(ChargeType.USAGE);
        assertThat(calls.model()).isEqualTo(ChargeModel.TIERED);
        assertThat(calls.billingTiming()).isEqualTo(BillingTiming.IN_ARREARS);
        assertThat(calls.tiers()).containsExactly(
                new Tier(CurrencyUnit.EUR, BigDecimal.ZERO, new BigDecimal("100"), BigDecimal.ZERO,
                        PriceFormat.FLAT_FEE, false),
                new Tier(CurrencyUnit.EUR, new BigDecimal("101"), null, new BigDecimal("0.02"),
                        PriceFormat.PER_UNIT, false));
        assertThat(invalidRequests()).isEmpty();
    }

    @Test
    void refuses_a_catalog_with_a_charge_model_the_engine_cannot_price() {
        ZuoraTestCatalogs.seed(simulator, shop.catalog());
        simulator.catalog().addProduct(com.subscriptionsuite.zuora.simulator.Catalog.product("Storage")
                .ratePlan(com.subscriptionsuite.zuora.simulator.Catalog.ratePlan("Peak storage")
                        .charge(com.subscriptionsuite.zuora.simulator.Catalog.usage("Peak GB",
                                "HighWatermarkTieredPricing").tier("EUR", "0", null, "0.10", "PerUnit"))));

        Either<BillingFailure, SourceCatalog> fetched = source.fetch(TeamShopBilling.SHOP);

        assertThat(fetched.getLeft()).isInstanceOfSatisfying(BillingFailure.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("catalog_unsupported");
            assertThat(r.message()).contains("'Peak GB'", "'Peak storage'", "'Storage'",
                    "HighWatermarkTieredPricing");
        });
    }

    @Test
    void refuses_a_specific_months_charge_without_its_length() {
        simulator.catalog().addProduct(com.subscriptionsuite.zuora.simulator.Catalog.product("Odd")
                .ratePlan(com.subscriptionsuite.zuora.simulator.Catalog.ratePlan("Odd plan")
                        .charge(com.subscriptionsuite.zuora.simulator.Catalog.recurring("Odd fee", "FlatFee")
                                .billingPeriod("Specific_Months").price("EUR", "5"))));

        assertThat(source.fetch(TeamShopBilling.SHOP).getLeft()).isInstanceOfSatisfying(BillingFailure.Rejected.class,
                r -> assertThat(r.message()).contains("'Odd fee'", "specificBillingPeriod"));
    }

    @Test
    void passes_a_billing_failure_through() {
        ZuoraTestCatalogs.seed(simulator, shop.catalog());
        ZuoraCatalogSource nowhere = new ZuoraCatalogSource(client(ZuoraSettings.of("http://127.0.0.1:9",
                simulator.clientId(), simulator.clientSecret()).withRetryAttempts(1)));

        assertThat(nowhere.fetch(TeamShopBilling.SHOP).getLeft()).isInstanceOf(BillingFailure.Unavailable.class);
    }

    @Test
    void the_engines_sync_puts_a_price_changed_in_zuora_into_the_price_preview() {
        // a sync checks the whole definition by TenantRules: the team shop's Dollar plan, offered, needs a EUR price
        TenantDefinition syncable = shop.withCatalog(withTiers(shop.catalog(), 826, tiers -> List.of(tiers.get(0),
                Tier.single(CurrencyUnit.EUR, new BigDecimal("17.00"), PriceFormat.PER_UNIT))));
        ZuoraTestCatalogs.seed(simulator, syncable.catalog());
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(syncable);
        Engine engine = Engine.builder().tenants(tenants).clock(CLOCK).catalogSource(source).build();
        // the first sync takes Zuora's catalog over as it is (Zuora's catalog answers no charge descriptions)
        assertThat(engine.syncCatalog().sync(TeamShopBilling.SHOP).isRight()).isTrue();
        assertThat(basicSeatsNetto(engine)).isEqualByComparingTo("29.90");

        simulator.catalog().clear();
        ZuoraTestCatalogs.seed(simulator, withBasicSeatsAt(syncable.catalog(), "31.90"));
        var synced = engine.syncCatalog().sync(TeamShopBilling.SHOP);
        assertThat(synced.isRight()).as("sync: %s", synced).isTrue();
        CatalogSyncReport report = synced.get();

        assertThat(report.stored()).isTrue();
        assertThat(report.charges().changed()).extracting(CatalogSyncReport.Item::id)
                .containsExactly(TeamShop.BASIC_SEATS);
        assertThat(basicSeatsNetto(engine)).isEqualByComparingTo("31.90");
        CatalogSyncReport again = engine.syncCatalog().sync(TeamShopBilling.SHOP).get();
        assertThat(again.stored()).as("nothing changed in Zuora since").isFalse();
        assertThat(invalidRequests()).isEmpty();
    }

    private static BigDecimal basicSeatsNetto(Engine engine) {
        var preview = engine.previewPrices().preview(new PreviewPricesQuery(TeamShopBilling.SHOP, "EUR", null,
                List.of(new PreviewPricesQuery.Item(TeamShop.BASIC, 1, 0)))).get();
        return preview.suiteProducts().get(0).ratePlans().get(0).charges().stream()
                .filter(c -> c.id() == TeamShop.BASIC_SEATS).map(ChargePrice::amounts).findFirst().orElseThrow()
                .netto().getAmount();
    }

    private static Catalog withBasicSeatsAt(Catalog catalog, String eur) {
        return withTiers(catalog, TeamShop.BASIC_SEATS, tiers -> tiers.stream().map(t -> t.currency()
                .equals(CurrencyUnit.EUR) ? Tier.single(t.currency(), new BigDecimal(eur), t.priceFormat()) : t)
                .toList());
    }

    /** The catalog with one charge's tiers replaced. */
    private static Catalog withTiers(Catalog catalog, long chargeId, UnaryOperator<List<Tier>> tiers) {
        List<RatePlan> plans = catalog.ratePlans().stream().map(r -> new RatePlan(r.id(), r.zuoraId(), r.productId(),
                r.name(), r.description(), r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream()
                        .map(c -> c.id() != chargeId ? c : new Charge(c.id(), c.zuoraId(), c.name(),
                                c.description(), c.type(), c.model(), c.billingPeriod(), c.specificBillingPeriod(),
                                c.billingTiming(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(), c.uom(),
                                c.taxMode(), c.taxable(), c.includedUnits(), c.discountAppliesTo(),
                                tiers.apply(c.tiers())))
                        .toList())).toList();
        return new Catalog(catalog.allProducts(), plans, catalog.suiteProducts(), catalog.pages(),
                catalog.deletedProductIds());
    }

    private static List<?> invalidRequests() {
        return simulator.state().invalidRequests();
    }

    // ---- what the sync reads, comparable ------------------------------------------------------

    /** Products with their rate plans and charges, by Zuora id, in the fields the sync takes over. */
    private static List<List<Object>> view(SourceCatalog catalog) {
        List<List<Object>> out = new ArrayList<>();
        for (SourceProduct p : catalog.products()) {
            out.add(List.of("product", p.product().zuoraId(), p.product().name()));
            p.ratePlans().forEach(r -> view(r, out));
        }
        return out;
    }

    private static List<List<Object>> view(Catalog catalog) {
        List<List<Object>> out = new ArrayList<>();
        for (Product p : catalog.allProducts()) {
            out.add(List.of("product", p.zuoraId(), p.name()));
            catalog.ratePlans().stream().filter(r -> r.productId() == p.id()).forEach(r -> view(r, out));
        }
        return out;
    }

    private static void view(RatePlan r, List<List<Object>> out) {
        out.add(List.of("plan", r.zuoraId(), r.name()));
        for (Charge c : r.charges()) {
            List<Object> charge = new ArrayList<>(List.of("charge", c.zuoraId(), c.name(), c.type(), c.model(),
                    String.valueOf(c.billingPeriod()), String.valueOf(c.specificBillingPeriod()),
                    String.valueOf(c.billingTiming()), num(c.defaultQuantity()), num(c.minQuantity()),
                    num(c.maxQuantity()), String.valueOf(c.uom()), c.taxMode(), c.taxable(), num(c.includedUnits()),
                    Set.copyOf(c.discountAppliesTo())));
            for (Tier t : c.tiers()) {
                charge.add(List.of(t.currency().getCode(), num(t.startingUnit()), num(t.endingUnit()), num(t.price()),
                        t.priceFormat(), t.overagePrice()));
            }
            out.add(charge);
        }
    }

    private static String num(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }
}
