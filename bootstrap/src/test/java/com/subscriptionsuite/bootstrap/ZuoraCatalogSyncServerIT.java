package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.zuora.ZuoraTestCatalogs;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncReport;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.pricing.ChargePrice;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server on {@code SUITE_BILLING=zuora} has Zuora's catalog as its catalog source: a
 * price changed in Zuora is, after the sync the server runs (here: called at once instead of waiting
 * for {@code SUITE_CATALOG_SYNC_MINUTES}), the price the demo shop previews.
 */
class ZuoraCatalogSyncServerIT {
    @TempDir
    Path dir;

    private ZuoraSimulator zuora;
    private Server server;
    private TenantDefinition demo;

    @BeforeEach
    void startZuoraAndTheServer() {
        zuora = ZuoraHarness.simulator();
        server = ServerHarness.start(ZuoraHarness.env(dir, zuora, "SUITE_CATALOG_SYNC_MINUTES", "60"));
        demo = ZuoraHarness.demoShop(server, zuora);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (zuora != null) {
            ZuoraHarness.closeCheckingRequests(zuora);
        }
    }

    @Test
    void a_price_changed_in_zuora_is_the_shops_price_after_the_sync() {
        Engine engine = server.engine();
        assertThat(engine.catalogSync()).as("SUITE_BILLING=zuora wires Zuora's catalog").isPresent();
        var first = engine.syncCatalog().sync(demo.tenant().id());
        assertThat(first.isRight()).as("first sync: %s", first).isTrue();

        var suite = demo.catalog().suiteProducts().stream()
                .filter(s -> priced(demo.catalog(), s.ratePlanId()) != null).findFirst().orElseThrow();
        Charge charge = priced(demo.catalog(), suite.ratePlanId());
        BigDecimal before = netto(engine, suite.id(), charge.id());
        BigDecimal raised = eur(charge).add(new BigDecimal("7.00"));

        zuora.catalog().clear();
        ZuoraTestCatalogs.seed(zuora, withEurPrice(demo.catalog(), charge.id(), raised));
        var second = engine.syncCatalog().sync(demo.tenant().id());

        assertThat(second.isRight()).as("second sync: %s", second).isTrue();
        assertThat(second.get().charges().changed()).extracting(CatalogSyncReport.Item::id)
                .containsExactly(charge.id());
        assertThat(netto(engine, suite.id(), charge.id())).isEqualByComparingTo(before.add(new BigDecimal("7.00")));
    }

    @Test
    void a_checkout_zuora_invoices_by_a_price_not_yet_synced_is_booked_and_counted_for_the_admins()
            throws Exception {
        String adminKey = "zuora-admin-key-for-this-test-only-0123456789";
        assertThat(server.engine().defineTenant().define(demo.withAccess(new TenantAccess(demo.access().corsOrigins(),
                List.of(new TenantAccess.AdminKey("ops", SecretHash.of(adminKey)))))).isRight()).isTrue();
        server.engine().refreshTenants();
        var suite = demo.catalog().suiteProducts().stream()
                .filter(s -> priced(demo.catalog(), s.ratePlanId()) != null).findFirst().orElseThrow();
        Charge charge = priced(demo.catalog(), suite.ratePlanId());
        BigDecimal previewed = cartNetto(server.engine(), suite.id());
        // Zuora's price is raised by 7.00; the engine's catalog is not synced
        zuora.catalog().clear();
        ZuoraTestCatalogs.seed(zuora, withEurPrice(demo.catalog(), charge.id(), eur(charge).add(new BigDecimal("7.00"))));
        String token = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(ServerHarness.post(
                server, "/register", "{\"user\": {\"email\": \"cleo@example.com\", \"password\": \"Correct-Horse-Battery-9\"}}")
                .body()).path("token").asText();

        var booked = ServerHarness.post(server, "/subscription", """
                {"suite_products": [{"id": %d, "quantity": 1, "order_pos": 0}],
                 "account": {"is_company": false, "first_name": "Cleo", "last_name": "Example",
                             "street": "Invalidenstr. 1", "zip_code": "10115", "city": "Berlin", "country": "DE",
                             "email": "cleo@example.com", "phone": "+49 30 123456", "vat_id": "", "currency": "EUR"}}"""
                .formatted(suite.id()), "Authorization", "Bearer " + token);

        assertThat(booked.statusCode()).as("booked all the same: %s", booked.body()).isEqualTo(200);
        var listed = ServerHarness.get(server, "/admin/billing/discrepancies", "Authorization", "Bearer " + adminKey);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        var body = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(listed.body());
        assertThat(body.path("count").asLong()).isEqualTo(1);
        var d = body.path("discrepancies").get(0);
        assertThat(d.path("currency").asText()).isEqualTo("EUR");
        assertThat(d.path("previewed").decimalValue()).isEqualByComparingTo(previewed);
        assertThat(d.path("invoiced").decimalValue()).isEqualByComparingTo(previewed.add(new BigDecimal("7.00")));
        assertThat(d.path("difference").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(d.path("invoice_id").asText()).isNotBlank();

        assertThat(ServerHarness.get(server, "/admin/billing/discrepancies", "Authorization", "Bearer " + token)
                .statusCode()).as("a customer's token is no admin key").isEqualTo(401);
        var tooMany = ServerHarness.get(server, "/admin/billing/discrepancies?limit=201", "Authorization",
                "Bearer " + adminKey);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("field_type").contains("limit");
    }

    /** The engine's preview of one unit of the suite product, before tax. */
    private BigDecimal cartNetto(Engine engine, long suiteProductId) {
        var preview = engine.previewPrices().preview(new PreviewPricesQuery(demo.tenant().id(), "EUR", null,
                List.of(new PreviewPricesQuery.Item(suiteProductId, 1, 0))));
        assertThat(preview.isRight()).as("preview: %s", preview).isTrue();
        return preview.get().suiteProducts().get(0).prices().stream().map(p -> p.amounts().netto().getAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The rate plan's first PerUnit or FlatFee charge with a EUR price, or null. */
    private static Charge priced(Catalog catalog, long ratePlanId) {
        return catalog.ratePlan(ratePlanId).toJavaOptional().stream().flatMap(r -> r.charges().stream())
                .filter(c -> (c.model() == ChargeModel.PER_UNIT || c.model() == ChargeModel.FLAT_FEE)
                        && c.soldIn(CurrencyUnit.EUR))
                .findFirst().orElse(null);
    }

    private static BigDecimal eur(Charge charge) {
        return charge.tiersIn(CurrencyUnit.EUR).get(0).price();
    }

    private BigDecimal netto(Engine engine, long suiteProductId, long chargeId) {
        var preview = engine.previewPrices().preview(new PreviewPricesQuery(demo.tenant().id(), "EUR", null,
                List.of(new PreviewPricesQuery.Item(suiteProductId, 1, 0))));
        assertThat(preview.isRight()).as("preview: %s", preview).isTrue();
        return preview.get().suiteProducts().get(0).ratePlans().stream().flatMap(r -> r.charges().stream())
                .filter(c -> c.id() == chargeId).map(ChargePrice::amounts).findFirst().orElseThrow()
                .netto().getAmount();
    }

    private static Catalog withEurPrice(Catalog catalog, long chargeId, BigDecimal price) {
        List<RatePlan> plans = catalog.ratePlans().stream().map(r -> new RatePlan(r.id(), r.zuoraId(), r.productId(),
                r.name(), r.description(), r.effectiveStartDate(), r.effectiveEndDate(), r.charges().stream()
                        .map(c -> c.id() != chargeId ? c : new Charge(c.id(), c.zuoraId(), c.name(),
                                c.description(), c.type(), c.model(), c.billingPeriod(), c.specificBillingPeriod(),
                                c.billingTiming(), c.defaultQuantity(), c.minQuantity(), c.maxQuantity(), c.uom(),
                                c.taxMode(), c.taxable(), c.includedUnits(), c.discountAppliesTo(), c.tiers().stream()
                                        .map(t -> t.currency().equals(CurrencyUnit.EUR) ? Tier.single(t.currency(),
                                                price, t.priceFormat()) : t).toList()))
                        .toList())).toList();
        return new Catalog(catalog.allProducts(), plans, catalog.suiteProducts(), catalog.pages(),
                catalog.deletedProductIds());
    }
}
