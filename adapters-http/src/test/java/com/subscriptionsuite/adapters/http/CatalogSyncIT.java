package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.fixtures.InMemoryCatalogSource;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /admin/catalog/sync with the tenant's admin key; each test on a server of its own (a sync
 * changes the catalog). acme is first redefined as linked to the billing system (every product,
 * rate plan and charge with a zuora id).
 */
class CatalogSyncIT {
    private static final String SYNC = "/admin/catalog/sync";

    private TestServer.Fresh server;
    private TenantDefinition linked;
    private Http acme;
    private Http admin;

    @BeforeEach
    void startServer() {
        server = TestServer.fresh();
        linked = TestServer.withAccess(InMemoryCatalogSource.zuoraLinked(1, "acme"), TestServer.ACME_ORIGIN,
                TestServer.ACME_ADMIN_KEY);
        assertThat(server.engine().defineTenant().define(linked).isRight()).isTrue();
        acme = server.tenant("acme");
        admin = acme.bearer(TestServer.ACME_ADMIN_KEY);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void asks_for_the_tenants_admin_key_before_calling_the_billing_system() {
        server.catalogSource().answer(1, InMemoryCatalogSource.changed(linked));

        Reply none = acme.post(SYNC);
        none.error(401, "admin_key_invalid");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        acme.bearer("admin-secret-0").post(SYNC).error(401, "admin_key_invalid");
        acme.bearer(TestServer.OTHER_ADMIN_KEY).post(SYNC).error(401, "admin_key_invalid");

        assertThat(server.catalogSource().calls()).isZero();
        assertThat(acme.get("/page/601").body()).contains("9.99").doesNotContain("11.99");
    }

    @Test
    void refuses_a_customer_token_as_an_admin_key() {
        String token = acme.post("/register", """
                {"user": {"email": "ann@example.com", "password": "correct horse battery"}}""")
                .ok().path("token").asText();

        acme.bearer(token).post(SYNC).error(401, "admin_key_invalid");
        assertThat(server.catalogSource().calls()).isZero();
    }

    @Test
    void answers_what_was_added_changed_and_removed_and_serves_the_new_prices() {
        server.catalogSource().answer(1, InMemoryCatalogSource.changed(linked));

        JsonNode report = admin.post(SYNC).ok();

        assertThat(report.path("tenant_key").asText()).isEqualTo("acme");
        assertThat(report.path("stored").asBoolean()).isTrue();
        assertThat(report.path("charges").path("added_count").asInt()).isEqualTo(1);
        assertThat(report.path("charges").path("added").get(0).path("id").asLong()).isEqualTo(312);
        assertThat(report.path("charges").path("added").get(0).path("zuora_id").asText())
                .isEqualTo(InMemoryCatalogSource.SUPPORT_CHARGE_ZUORA_ID);
        assertThat(ids(report.path("charges").path("changed"))).containsExactly(301L);
        assertThat(ids(report.path("charges").path("removed"))).containsExactly(InMemoryCatalogSource.LEGACY_CHARGE);
        assertThat(ids(report.path("rate_plans").path("removed"))).containsExactly(InMemoryCatalogSource.LEGACY_PLAN);
        assertThat(report.path("products").path("changed_count").asInt()).isZero();
        assertThat(acme.get("/page/601").body()).contains("11.99", "Support");
    }

    @Test
    void answers_a_second_sync_of_the_same_catalog_with_nothing_stored() {
        server.catalogSource().answer(1, InMemoryCatalogSource.changed(linked));
        admin.post(SYNC).ok();

        JsonNode again = admin.post(SYNC).ok();

        assertThat(again.path("stored").asBoolean()).isFalse();
        assertThat(again.path("charges").path("added").size()).isZero();
    }

    @Test
    void refuses_a_sync_that_leaves_suite_products_without_their_rate_plans_naming_each_and_changing_nothing() {
        server.catalogSource().answer(1, InMemoryCatalogSource.without(linked, Set.of(201L, 203L)));

        JsonNode error = admin.post(SYNC).error(422, "catalog_sync_refused");

        List<String> fields = new ArrayList<>();
        error.path("details").forEach(d -> fields.add(d.path("field").asText()));
        assertThat(fields).containsExactly("$.catalog.suite_products[0].rate_plan_id",
                "$.catalog.suite_products[2].rate_plan_id");
        acme.post("/subscription/preview", """
                {"suite_products": [{"id": 401, "quantity": 1, "order_pos": 0}]}""").ok();
    }

    @Test
    void answers_the_billing_systems_failures_as_every_billing_failure() {
        server.catalogSource().fail(1, new BillingFailure.Unavailable("timeout"));
        Reply unavailable = admin.post(SYNC);
        unavailable.error(503, "billing_unavailable");
        assertThat(unavailable.header("Retry-After")).isEqualTo("2");

        server.catalogSource().fail(1, new BillingFailure.RateLimited(Duration.ofSeconds(7)));
        Reply limited = admin.post(SYNC);
        limited.error(429, "billing_rate_limited");
        assertThat(limited.header("Retry-After")).isEqualTo("7");

        server.catalogSource().fail(1, new BillingFailure.Rejected("INVALID_SESSION", "session expired"));
        admin.post(SYNC).error(502, "billing_rejected");
        assertThat(acme.get("/page/601").body()).contains("9.99");
    }

    @Test
    void syncs_only_the_tenant_of_the_key() {
        server.catalogSource().answer(1, InMemoryCatalogSource.changed(linked));
        admin.post(SYNC).ok();

        assertThat(server.tenant("other").get("/page/601").body()).doesNotContain("11.99");
        // other's file has items without a zuora id: the billing system's catalog lists none without one
        server.tenant("other").bearer(TestServer.OTHER_ADMIN_KEY).post(SYNC).error(422, "catalog_sync_refused");
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
