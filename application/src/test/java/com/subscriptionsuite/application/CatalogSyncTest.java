package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.EngineTestSupport.NOVEMBER_2026;
import static com.subscriptionsuite.application.fixtures.InMemoryCatalogSource.BASE_FEE;
import static com.subscriptionsuite.application.fixtures.InMemoryCatalogSource.LEGACY_CHARGE;
import static com.subscriptionsuite.application.fixtures.InMemoryCatalogSource.LEGACY_PLAN;
import static com.subscriptionsuite.application.fixtures.InMemoryCatalogSource.SUPPORT_CHARGE_ZUORA_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.InMemoryCatalogSource;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryVouchers;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncFailure;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport.Item;
import com.subscriptionsuite.application.port.in.catalogsync.SyncCatalog;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog;
import com.subscriptionsuite.application.port.out.billing.SourceCatalog.SourceProduct;
import com.subscriptionsuite.application.service.catalogsync.CatalogSyncUseCases;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.application.service.tenant.TenantUseCases;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogSyncTest {
    final TenantDefinition linked = InMemoryCatalogSource.zuoraLinked(1, "acme");
    final InMemoryTenants tenants = new InMemoryTenants();
    final InMemoryCatalogSource source = new InMemoryCatalogSource();
    final Engine engine;

    CatalogSyncTest() {
        tenants.store(linked);
        tenants.store(InMemoryCatalogSource.zuoraLinked(2, "other"));
        engine = Engine.builder().tenants(tenants).clock(NOVEMBER_2026).catalogSource(source).build();
    }

    void assertNothingStored() {
        assertThat(tenants.versions().get("acme")).isEqualTo(1L);
        assertThat(stored().catalog().ratePlans()).isEqualTo(linked.catalog().ratePlans());
        assertThat(stored().catalog().allProducts()).isEqualTo(linked.catalog().allProducts());
    }

    TenantDefinition stored() {
        return tenants.byKey("acme").get();
    }

    Charge charge(Catalog catalog, long id) {
        return catalog.ratePlans().stream().flatMap(r -> r.charges().stream()).filter(c -> c.id() == id)
                .findFirst().orElseThrow();
    }

    static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    @Nested
    class Merging_the_billing_systems_catalog {
        @Test
        void updates_a_changed_price_and_keeps_the_charges_id() {
            source.answer(1, InMemoryCatalogSource.changed(linked));

            CatalogSyncReport report = engine.syncCatalog().sync(1).get();

            Charge baseFee = charge(stored().catalog(), BASE_FEE);
            assertThat(baseFee.tiersIn(CurrencyUnit.EUR)).extracting(Tier::price).containsExactly(new BigDecimal("11.99"));
            assertThat(report.stored()).isTrue();
            assertThat(ids(report.charges().changed())).containsExactly(BASE_FEE);
            assertThat(engine.browseCatalog().products(1)).isNotEmpty();
        }

        @Test
        void gives_a_new_charge_an_id_above_every_id_the_catalog_had() {
            source.answer(1, InMemoryCatalogSource.changed(linked));

            CatalogSyncReport report = engine.syncCatalog().sync(1).get();

            assertThat(report.charges().added()).containsExactly(new Item(312, SUPPORT_CHARGE_ZUORA_ID, "Support"));
            RatePlan basic = stored().catalog().ratePlan(201).get();
            assertThat(basic.charges()).extracting(Charge::id).containsExactly(301L, 302L, 303L, 312L);
            assertThat(ids(report.ratePlans().changed())).containsExactly(201L);
        }

        @Test
        void removes_a_rate_plan_the_billing_system_no_longer_has() {
            source.answer(1, InMemoryCatalogSource.changed(linked));

            CatalogSyncReport report = engine.syncCatalog().sync(1).get();

            assertThat(stored().catalog().ratePlan(LEGACY_PLAN)).isEmpty();
            assertThat(ids(report.ratePlans().removed())).containsExactly(LEGACY_PLAN);
            assertThat(ids(report.charges().removed())).containsExactly(LEGACY_CHARGE);
            assertThat(report.products().any()).isFalse();
            assertThat(report.ratePlans().added()).isEmpty();
        }

        @Test
        void keeps_suite_products_pages_translations_and_settings_of_the_file() {
            source.answer(1, InMemoryCatalogSource.changed(linked));

            engine.syncCatalog().sync(1).get();

            TenantDefinition after = stored();
            assertThat(after.catalog().suiteProducts()).isEqualTo(linked.catalog().suiteProducts());
            assertThat(after.catalog().pages()).isEqualTo(linked.catalog().pages());
            assertThat(after.translations()).isEqualTo(linked.translations());
            assertThat(after.tenant()).isEqualTo(linked.tenant());
            assertThat(after.access()).isEqualTo(linked.access());
        }

        @Test
        void keeps_every_id_on_the_next_sync_and_stores_nothing_when_nothing_changed() {
            source.answer(1, InMemoryCatalogSource.changed(linked));
            engine.syncCatalog().sync(1).get();
            long version = tenants.versions().get("acme");

            CatalogSyncReport again = engine.syncCatalog().sync(1).get();

            assertThat(again.stored()).isFalse();
            assertThat(again.anyChange()).isFalse();
            assertThat(tenants.versions().get("acme")).isEqualTo(version);
            assertThat(charge(stored().catalog(), 312).zuoraId()).isEqualTo(SUPPORT_CHARGE_ZUORA_ID);
        }

        @Test
        void takes_a_price_written_with_another_scale_as_unchanged() {
            SourceCatalog same = InMemoryCatalogSource.of(linked.catalog());
            source.answer(1, rescaled(same));

            CatalogSyncReport report = engine.syncCatalog().sync(1).get();

            assertThat(report.anyChange()).isFalse();
        }

        @Test
        void gives_new_products_and_rate_plans_new_ids_and_links_them() {
            SourceCatalog base = InMemoryCatalogSource.of(linked.catalog());
            List<SourceProduct> products = new ArrayList<>(base.products());
            RatePlan legacy = linked.catalog().ratePlan(LEGACY_PLAN).get();
            products.add(new SourceProduct(new Product(0, "zuora-product-new", "Music", null, null, null, null,
                    null, null, null), List.of(new RatePlan(0, "zuora-rate-plan-new", 0, "Music monthly", null, null,
                    null, List.of(withZuoraId(legacy.charges().get(0), "zuora-charge-new"))))));
            source.answer(1, new SourceCatalog(products));

            CatalogSyncReport report = engine.syncCatalog().sync(1).get();

            assertThat(report.products().added()).containsExactly(new Item(104, "zuora-product-new", "Music"));
            assertThat(report.ratePlans().added()).containsExactly(new Item(206, "zuora-rate-plan-new", "Music monthly"));
            assertThat(ids(report.charges().added())).containsExactly(312L);
            assertThat(stored().catalog().ratePlan(206).get().productId()).isEqualTo(104);
        }

        @Test
        void leaves_a_soft_deleted_product_deleted() {
            engine.removeProduct().remove(1, 102).get();
            source.answer(1, InMemoryCatalogSource.changed(linked));

            engine.syncCatalog().sync(1).get();

            assertThat(stored().catalog().deletedProductIds()).containsExactly(102L);
            assertThat(engine.browseCatalog().product(1, 102).isLeft()).isTrue();
        }

        @Test
        void syncs_every_tenant_on_its_own() {
            source.answer(1, InMemoryCatalogSource.changed(linked));

            Map<String, Either<CatalogSyncFailure, CatalogSyncReport>> outcomes = engine.syncCatalog()
                    .syncEveryTenant();

            assertThat(outcomes.keySet()).containsExactly("acme", "other");
            assertThat(outcomes.get("acme").get().stored()).isTrue();
            assertThat(outcomes.get("other").getLeft()).isInstanceOf(CatalogSyncFailure.BillingFailed.class);
        }
    }

    @Nested
    class The_shop_s_own_texts {
        @Test
        void stay_when_the_billing_system_has_none_and_nothing_is_stored_for_that() {
            Catalog c = linked.catalog();
            List<Product> bare = c.allProducts().stream().map(p -> new Product(p.id(), p.zuoraId(), p.name(), null,
                    null, null, p.sku(), p.effectiveStartDate(), p.effectiveEndDate(), p.updatedDate())).toList();
            List<RatePlan> plans = c.ratePlans().stream().map(r -> new RatePlan(r.id(), r.zuoraId(), r.productId(),
                    r.name(), r.description(), r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream()
                            .map(ch -> new Charge(ch.id(), ch.zuoraId(), ch.name(), "", ch.type(), ch.model(),
                                    ch.billingPeriod(), ch.specificBillingPeriod(), ch.billingTiming(),
                                    ch.defaultQuantity(), ch.minQuantity(), ch.maxQuantity(), ch.uom(), ch.taxMode(),
                                    ch.taxable(), ch.includedUnits(), ch.discountAppliesTo(), ch.tiers()))
                            .toList())).toList();
            source.answer(1, InMemoryCatalogSource.of(new Catalog(bare, plans, c.suiteProducts(), c.pages())));

            var report = engine.syncCatalog().sync(1).get();

            assertThat(report.stored()).as("Zuora keeps no feature list, highlight or charge description").isFalse();
            assertThat(stored().catalog().allProducts()).isEqualTo(linked.catalog().allProducts());
            assertThat(stored().catalog().ratePlans()).isEqualTo(linked.catalog().ratePlans());
        }
    }

    @Nested
    class A_refused_sync {
        @Test
        void names_every_suite_product_left_without_its_rate_plan_and_stores_nothing() {
            long version = tenants.versions().get("acme");
            source.answer(1, InMemoryCatalogSource.without(linked, Set.of(201L, 203L)));

            CatalogSyncFailure failure = engine.syncCatalog().sync(1).getLeft();

            assertThat(failure).isInstanceOf(CatalogSyncFailure.Refused.class);
            assertThat(failure.code()).isEqualTo("catalog_sync_refused");
            List<Problem> problems = ((CatalogSyncFailure.Refused) failure).problems();
            assertThat(problems).extracting(Problem::path).containsExactly(
                    "$.catalog.suite_products[0].rate_plan_id", "$.catalog.suite_products[2].rate_plan_id");
            assertThat(problems.get(0).reason()).contains("suite product 401", "rate plan 201",
                    "8a8082c45f9f3c1b015fa0a1b2c30201");
            assertThat(tenants.versions().get("acme")).isEqualTo(version);
            assertNothingStored();
            assertThat(engine.browseCatalog().product(1, 102).isRight()).isTrue();
        }

        @Test
        void lists_the_tenant_rules_problems_with_its_own() {
            SourceCatalog withoutStorage = InMemoryCatalogSource.without(linked, Set.of(203L));
            source.answer(1, withoutUsdPrice(withoutStorage, BASE_FEE));

            List<Problem> problems = ((CatalogSyncFailure.Refused) engine.syncCatalog().sync(1).getLeft()).problems();

            assertThat(problems).extracting(Problem::path).containsExactly("$.catalog.suite_products[2].rate_plan_id",
                    "$.catalog.rate_plans[0].charges[0].tiers");
            assertThat(problems.get(1).reason()).contains("USD");
            assertNothingStored();
        }

        @Test
        void names_every_item_the_billing_system_lists_without_an_id_or_twice() {
            SourceCatalog base = InMemoryCatalogSource.of(linked.catalog());
            List<SourceProduct> products = new ArrayList<>(base.products());
            SourceProduct first = products.get(0);
            Product noId = new Product(0, " ", "Nameless", null, null, null, null, null, null, null);
            products.add(new SourceProduct(noId, List.of(first.ratePlans().get(0))));
            source.answer(1, new SourceCatalog(products));

            List<Problem> problems = ((CatalogSyncFailure.Refused) engine.syncCatalog().sync(1).getLeft()).problems();

            assertThat(problems).extracting(Problem::path).containsExactly("billing_system.products[3].zuora_id",
                    "billing_system.products[3].rate_plans[0].zuora_id",
                    "billing_system.products[3].rate_plans[0].charges[0].zuora_id",
                    "billing_system.products[3].rate_plans[0].charges[1].zuora_id",
                    "billing_system.products[3].rate_plans[0].charges[2].zuora_id");
            assertNothingStored();
        }

        @Test
        void names_a_campaign_whose_discount_rate_plan_would_be_gone() {
            InMemoryVouchers vouchers = new InMemoryVouchers();
            vouchers.defineCampaign(1, new Campaign(9, "Spring", 204, Instant.parse("2026-01-01T00:00:00Z"), null,
                    List.of(), CodeKind.MULTI_USE, null, null));
            TenantDirectory directory = new TenantDirectory(tenants);
            SyncCatalog sync = CatalogSyncUseCases.syncCatalog(directory, TenantUseCases.defineTenant(tenants,
                    directory), source, Option.of(vouchers));
            source.answer(1, InMemoryCatalogSource.without(linked, Set.of(204L)));

            List<Problem> problems = ((CatalogSyncFailure.Refused) sync.sync(1).getLeft()).problems();

            assertThat(problems).extracting(Problem::path).containsExactly("$.catalog.suite_products[3].rate_plan_id",
                    "$.campaigns[?(@.id==9)].discount_rate_plan_id");
            assertThat(problems.get(1).reason()).contains("campaign 9 'Spring'", "rate plan 204");
            assertNothingStored();
        }
    }

    @Nested
    class A_billing_failure {
        static List<BillingFailure> failures() {
            return List.of(new BillingFailure.Unavailable("timeout"), new BillingFailure.RateLimited(Duration.ofSeconds(30)),
                    new BillingFailure.Rejected("INVALID_VALUE", "no such tenant"), new BillingFailure.NotFound("catalog"));
        }

        @ParameterizedTest
        @MethodSource("failures")
        void is_passed_through_and_stores_nothing(BillingFailure billing) {
            source.fail(1, billing);

            CatalogSyncFailure failure = engine.syncCatalog().sync(1).getLeft();

            assertThat(failure).isEqualTo(new CatalogSyncFailure.BillingFailed(billing));
            assertThat(failure.code()).isEqualTo(billing.errorCode());
            assertNothingStored();
        }
    }

    @Test
    void does_not_call_the_billing_system_for_an_unknown_tenant() {
        assertThat(engine.syncCatalog().sync(99).getLeft()).isEqualTo(new CatalogSyncFailure.TenantNotFound(99));
        assertThat(source.calls()).isZero();
    }

    @Test
    void is_no_group_of_an_engine_without_a_catalog_source() {
        Engine plain = EngineTestSupport.engineWith(NOVEMBER_2026, SampleTenants.full(1, "acme"));

        assertThat(plain.catalogSync()).isEmpty();
        assertThatThrownBy(plain::syncCatalog).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalogSource");
    }

    private static SourceCatalog rescaled(SourceCatalog catalog) {
        return new SourceCatalog(catalog.products().stream().map(p -> new SourceProduct(p.product(),
                p.ratePlans().stream().map(r -> new RatePlan(r.id(), r.zuoraId(), r.productId(), r.name(),
                        r.description(), r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream()
                        .map(c -> withTiers(c, c.tiers().stream().map(t -> new Tier(t.currency(),
                                t.startingUnit().setScale(4), t.endingUnit() == null ? null : t.endingUnit().setScale(4),
                                t.price().setScale(6), t.priceFormat(), t.overagePrice())).toList())).toList()))
                        .toList())).toList());
    }

    private static SourceCatalog withoutUsdPrice(SourceCatalog catalog, long chargeId) {
        return new SourceCatalog(catalog.products().stream().map(p -> new SourceProduct(p.product(),
                p.ratePlans().stream().map(r -> new RatePlan(r.id(), r.zuoraId(), r.productId(), r.name(),
                        r.description(), r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream()
                        .map(c -> c.zuoraId().equals("8a8082c45f9f3c1b015fa0a1b2c30" + chargeId)
                                ? withTiers(c, c.tiersIn(CurrencyUnit.EUR)) : c).toList()))
                        .toList())).toList());
    }

    private static Charge withTiers(Charge c, List<Tier> tiers) {
        return new Charge(c.id(), c.zuoraId(), c.name(), c.description(), c.type(), c.model(), c.billingPeriod(),
                c.specificBillingPeriod(), c.billingTiming(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(),
                c.uom(), c.taxMode(), c.taxable(), c.includedUnits(), c.discountAppliesTo(), tiers);
    }

    private static Charge withZuoraId(Charge c, String zuoraId) {
        return new Charge(c.id(), zuoraId, c.name(), c.description(), c.type(), c.model(), c.billingPeriod(),
                c.specificBillingPeriod(), c.billingTiming(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(),
                c.uom(), c.taxMode(), c.taxable(), c.includedUnits(), c.discountAppliesTo(), c.tiers());
    }
}
