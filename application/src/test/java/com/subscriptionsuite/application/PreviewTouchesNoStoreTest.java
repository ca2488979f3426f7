package com.subscriptionsuite.application;

import static com.subscriptionsuite.application.EngineTestSupport.NOVEMBER_2026;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Option;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The preview and the catalog reads are served from memory: the store is not asked once. */
class PreviewTouchesNoStoreTest {

    /** Counts every call into the store it wraps. */
    static final class CountingTenants implements Tenants {
        @Override
        public boolean deleteProduct(long tenantId, long productId, java.time.Instant at) {
            calls.incrementAndGet();
            return inner.deleteProduct(tenantId, productId, at);
        }

        final Tenants inner = new InMemoryTenants();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public long store(TenantDefinition definition) {
            calls.incrementAndGet();
            return inner.store(definition);
        }

        @Override
        public Option<TenantDefinition> byKey(String key) {
            calls.incrementAndGet();
            return inner.byKey(key);
        }

        @Override
        public List<TenantDefinition> all() {
            calls.incrementAndGet();
            return inner.all();
        }

        @Override
        public Map<String, Long> versions() {
            calls.incrementAndGet();
            return inner.versions();
        }
    }

    @Test
    void previews_and_catalog_reads_do_not_call_the_store() {
        CountingTenants tenants = new CountingTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        Engine engine = Engine.builder().tenants(tenants).clock(NOVEMBER_2026).build();
        int afterStart = tenants.calls.get();

        for (int i = 0; i < 100; i++) {
            assertThat(engine.resolveTenant().resolve("acme", null).isRight()).isTrue();
            assertThat(engine.previewPrices().preview(new PreviewPricesQuery(1, "EUR", null,
                    List.of(new PreviewPricesQuery.Item(401, 2, 0), new PreviewPricesQuery.Item(402, 3, 1))))
                    .isRight()).isTrue();
            assertThat(engine.showShopPage().page(1, "601").isRight()).isTrue();
            assertThat(engine.browseCatalog().products(1)).isNotEmpty();
        }

        assertThat(tenants.calls.get()).isEqualTo(afterStart);
    }
}
