package com.subscriptionsuite.adapters.persistence.tenant;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static com.subscriptionsuite.application.fixtures.SampleTenants.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.port.out.TenantsContract;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.PriceFormat;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database, plus what only the database adapter has to care about. */
class JdbiTenantsH2IT extends TenantsContract {
    @TempDir
    Path dataDir;

    private Database database;
    private JdbiTenants tenants;

    @Override
    protected Tenants tenants() {
        database = new Database(Database.h2File(dataDir), "sa", "");
        tenants = new JdbiTenants(database.jdbi());
        return tenants;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void reads_amounts_back_without_the_zeros_the_column_scale_adds() {
        tenants.store(full(1, "acme"));

        Charge baseFee = tenants.byKey("acme").getOrElseThrow(AssertionError::new).catalog().ratePlans().get(0)
                .charges().get(0);

        assertThat(baseFee.tiers().get(0).price()).isEqualTo(new BigDecimal("9.99"));
        assertThat(baseFee.defaultQuantity()).isEqualTo(new BigDecimal("1"));
        assertThat(baseFee.includedUnits()).isEqualTo(new BigDecimal("0"));
    }

    @Test
    void refuses_an_amount_the_column_would_round_and_stores_nothing() {
        TenantDefinition tooPrecise = withFirstPrice(full(1, "acme"), new BigDecimal("0.123456789"));

        assertThatThrownBy(() -> tenants.store(tooPrecise))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.123456789");

        assertThat(tenants.versions()).isEmpty();
    }

    @Test
    void stores_amounts_with_eight_decimals_and_sixteen_integer_digits_exactly() {
        BigDecimal extreme = new BigDecimal("9999999999999999.12345678");
        tenants.store(withFirstPrice(full(1, "acme"), extreme));

        Charge baseFee = tenants.byKey("acme").getOrElseThrow(AssertionError::new).catalog().ratePlans().get(0)
                .charges().get(0);

        assertThat(baseFee.tiers().get(0).price()).isEqualTo(extreme);
    }

    @Test
    void reading_all_tenants_takes_as_many_queries_for_many_tenants_as_for_one() {
        AtomicInteger queries = new AtomicInteger();
        database.jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                queries.incrementAndGet();
            }
        });
        tenants.store(full(1, "alpha"));
        queries.set(0);
        tenants.all();
        int forOne = queries.get();

        tenants.store(full(2, "beta"));
        tenants.store(full(3, "gamma"));
        tenants.store(minimal(4, "delta"));
        queries.set(0);
        List<TenantDefinition> all = tenants.all();

        assertThat(all).hasSize(4);
        // one query per table of the definition (27 with V7's payment options and their countries)
        assertThat(queries.get()).isEqualTo(forOne).isLessThanOrEqualTo(27);
    }

    @Test
    void a_reopened_database_file_still_holds_the_stored_tenants() {
        tenants.store(full(1, "acme"));
        database.close();

        database = new Database(Database.h2File(dataDir), "sa", "");
        Tenants reopened = new JdbiTenants(database.jdbi());

        assertSameDefinition(reopened.byKey("acme").getOrElseThrow(AssertionError::new), full(1, "acme"));
        assertThat(reopened.versions()).containsEntry("acme", 1L);
    }

    @Test
    void reads_under_row_locks_once_it_gave_up_reading_without_them() {
        Tenants locking = new JdbiTenants(database.jdbi(), 0);
        locking.store(full(1, "alpha"));
        locking.store(minimal(2, "beta"));

        assertSameDefinition(locking.byKey("alpha").getOrElseThrow(AssertionError::new), full(1, "alpha"));
        assertThat(locking.all()).hasSize(2);
        assertSameDefinition(locking.all().get(1), minimal(2, "beta"));
        assertThat(locking.byKey("gamma").isEmpty()).isTrue();
    }

    private static TenantDefinition withFirstPrice(TenantDefinition d, BigDecimal price) {
        Catalog c = d.catalog();
        RatePlan plan = c.ratePlans().get(0);
        Charge f = plan.charges().get(0);
        Charge changed = new Charge(f.id(), f.zuoraId(), f.name(), f.description(), f.type(), f.model(),
                f.billingPeriod(), f.specificBillingPeriod(), f.billingTiming(), f.defaultQuantity(),
                f.minQuantity(), f.maxQuantity(), f.uom(), f.taxMode(), f.taxable(), f.includedUnits(),
                f.discountAppliesTo(), List.of(Tier.single(CurrencyUnit.EUR, price, PriceFormat.FLAT_FEE)));
        RatePlan changedPlan = new RatePlan(plan.id(), plan.zuoraId(), plan.productId(), plan.name(),
                plan.description(), plan.effectiveStartDate(), plan.effectiveEndDate(),
                List.of(changed));
        List<RatePlan> plans = new java.util.ArrayList<>(c.ratePlans());
        plans.set(0, changedPlan);
        return new TenantDefinition(d.tenant(), new Catalog(c.products(), plans, c.suiteProducts(), c.pages()),
                d.translations());
    }
}
