package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One real server for all HTTP tests, on a free port, over a real {@link Engine} with in-memory
 * tenants and a fixed clock (2025-06-15): {@code acme} (1) and {@code other} (2) are
 * {@link SampleTenants#full}, {@code trim} (3) is {@link SampleTenants#trimmed} (a German seller
 * without the EU threshold), {@code bare} (4) is {@link SampleTenants#minimal}, {@code euro} (5) sells in USD what
 * is priced in EUR only.
 */
final class TestServer {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static URI base;

    private TestServer() {
    }

    static Engine engine() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        tenants.store(SampleTenants.full(2, "other"));
        tenants.store(SampleTenants.trimmed(3, "trim"));
        tenants.store(SampleTenants.minimal(4, "bare"));
        tenants.store(SampleTenants.euroPricesDollarShop(5, "euro"));
        return Engine.builder().tenants(tenants).clock(CLOCK).build();
    }


    static synchronized URI base() {
        if (base == null) {
            base = start(new HttpApi(HttpApi.UseCases.from(engine()), HttpSettings.defaults()));
        }
        return base;
    }

    /** Starts {@code api} on a free loopback port, stopped when the test JVM ends. */
    static URI start(HttpApi api) {
        Javalin app = api.start("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** A client without tenant header. */
    static Http anonymous() {
        return new Http(base(), List.of());
    }

    /** A client naming the tenant by X-Tenant. */
    static Http tenant(String key) {
        return anonymous().with("X-Tenant", key);
    }
}
