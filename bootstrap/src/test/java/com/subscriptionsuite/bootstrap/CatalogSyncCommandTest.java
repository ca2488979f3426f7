package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.InMemoryCatalogSource;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code catalog-sync}: what it prints and answers, on an engine over in-memory stores. */
class CatalogSyncCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    final TenantDefinition acme = InMemoryCatalogSource.zuoraLinked(1, "acme");
    final InMemoryTenants tenants = new InMemoryTenants();
    final InMemoryCatalogSource source = new InMemoryCatalogSource();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CatalogSyncCommandTest() {
        tenants.store(acme);
        tenants.store(InMemoryCatalogSource.zuoraLinked(2, "other"));
    }

    Engine engine() {
        return Engine.builder().tenants(tenants).clock(CLOCK).catalogSource(source).build();
    }

    int run(Engine engine, String... keys) {
        return CatalogSyncCommand.sync(engine, List.of(keys), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prints_what_the_sync_of_the_named_tenant_changed() {
        source.answer(1, InMemoryCatalogSource.changed(acme));

        assertThat(run(engine(), "acme")).isZero();

        assertThat(printed()).isEqualTo("acme: products 0 added, 0 changed, 0 removed; rate plans 0 added, 1 changed,"
                + " 1 removed; charges 1 added, 1 changed, 1 removed" + System.lineSeparator());
    }

    @Test
    void prints_every_problem_of_a_refused_sync_and_fails() {
        source.answer(1, InMemoryCatalogSource.without(acme, Set.of(201L, 203L)));

        assertThat(run(engine(), "acme")).isEqualTo(1);

        assertThat(printed()).startsWith("acme: 2 problems, nothing changed" + System.lineSeparator())
                .contains("  $.catalog.suite_products[0].rate_plan_id: suite product 401",
                        "  $.catalog.suite_products[2].rate_plan_id: suite product 403");
    }

    @Test
    void syncs_every_tenant_when_none_is_named_and_fails_when_any_sync_failed() {
        source.answer(1, InMemoryCatalogSource.changed(acme));
        source.fail(2, new BillingFailure.Unavailable("timeout"));

        assertThat(run(engine())).isEqualTo(1);

        assertThat(printed()).contains("acme: products 0 added", "other: billing_unavailable: ");
    }

    @Test
    void names_an_unknown_tenant_and_still_syncs_the_others() {
        source.answer(1, InMemoryCatalogSource.of(acme.catalog()));

        assertThat(run(engine(), "nobody", "acme")).isEqualTo(1);

        assertThat(printed()).contains("nobody: no tenant with this key, nothing synced",
                "acme: up to date, nothing changed");
    }

    @Test
    void answers_2_for_an_engine_without_a_catalog_source() {
        Engine plain = Engine.builder().tenants(tenants).clock(CLOCK).build();

        assertThat(run(plain, "acme")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no catalog source");
    }

    @Test
    void the_scheduled_sync_stores_what_it_can_then_fails_naming_the_tenants_that_did_not_sync() {
        source.answer(1, InMemoryCatalogSource.changed(acme));
        source.fail(2, new BillingFailure.Unavailable("timeout"));
        Engine engine = engine();

        assertThatThrownBy(() -> CatalogSyncCommand.syncEveryTenant(engine))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[other]");

        assertThat(tenants.versions()).containsEntry("acme", 2L).containsEntry("other", 1L);
        assertThatCode(() -> CatalogSyncCommand.syncEveryTenant(
                Engine.builder().tenants(tenants).clock(CLOCK).build())).doesNotThrowAnyException();
    }
}
