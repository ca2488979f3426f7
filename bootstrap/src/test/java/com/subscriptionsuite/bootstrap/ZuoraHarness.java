package com.subscriptionsuite.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.zuora.ZuoraTestCatalogs;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileLoader;
import com.subscriptionsuite.bootstrap.tenantfile.TenantFileReader;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone server in front of the Zuora simulator, as the Zuora server tests start it: the
 * simulator on the servers' fixed clock, the server configured by environment alone
 * ({@code SUITE_BILLING=zuora}), the demo shop defined with a Zuora id on every product, rate plan and
 * charge and the same products seeded into the simulator (in production the catalog sync keeps the
 * two in step).
 */
final class ZuoraHarness {
    private ZuoraHarness() {
    }

    static ZuoraSimulator simulator() {
        return ZuoraSimulator.start(ZuoraSimulator.options().clock(ServerHarness.CLOCK));
    }

    /** The server's environment for {@code zuora}: SUITE_BILLING=zuora and its settings, then {@code pairs}. */
    static Map<String, String> env(Path dir, ZuoraSimulator zuora, String... pairs) {
        Map<String, String> env = new HashMap<>(ServerHarness.env(dir, "SUITE_BILLING", "zuora",
                "SUITE_ZUORA_BASE_URL", zuora.baseUrl(), "SUITE_ZUORA_CLIENT_ID", zuora.clientId(),
                "SUITE_ZUORA_CLIENT_SECRET", zuora.clientSecret(), "SUITE_ZUORA_READ_TIMEOUT_MS", "5000"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** The demo shop as a Zuora tenant knows it, defined in the server and seeded into the simulator. */
    static TenantDefinition demoShop(Server server, ZuoraSimulator zuora) {
        TenantDefinition demo = ZuoraTestCatalogs.withZuoraIds(TenantFileReader
                .readResource(TenantFileLoader.DEMO_RESOURCE, "demo")
                .getOrElseThrow(problems -> new AssertionError(problems.toString())).definition());
        assertThat(server.engine().defineTenant().define(demo).isRight()).as("the demo shop with Zuora ids").isTrue();
        server.engine().refreshTenants();
        ZuoraTestCatalogs.seed(zuora, demo.catalog());
        return demo;
    }

    /** Closes the simulator and asserts every request the engine sent it was valid by Zuora's API document. */
    static void closeCheckingRequests(ZuoraSimulator zuora) {
        List<?> invalid = zuora.state().invalidRequests();
        zuora.close();
        assertThat(invalid).as("the engine's requests against Zuora's API document").isEmpty();
    }
}
