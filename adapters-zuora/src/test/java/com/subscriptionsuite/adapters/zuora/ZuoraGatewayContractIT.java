package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.ledger.TeamShopBilling;
import com.subscriptionsuite.application.port.out.billing.BillingGatewayContract;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeModel;
import com.subscriptionsuite.domain.catalog.Product;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.Tier;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Zuora gateway against the loopback simulator: the contract's sentences over HTTP, with the
 * simulator's catalog seeded from the fixture's tenant catalog (the team shop), each rate plan and
 * charge under the Zuora id the engine's catalog gives it. What the simulator cannot answer yet is
 * disabled by {@link SimulatorGaps}, each with its reason.
 */
@ExtendWith(SimulatorGaps.class)
class ZuoraGatewayContractIT extends BillingGatewayContract {
    private static ZuoraSimulator simulator;
    private static TenantDefinition shop;
    private static TenantDefinition otherShop;
    private static final Clock CLOCK = Clock.fixed(TeamShopBilling.START, ZoneOffset.UTC);
    private static final AtomicLong USERS = new AtomicLong(100);

    @BeforeAll
    static void startSimulator() {
        simulator = ZuoraSimulator.start(ZuoraSimulator.options().clock(CLOCK));
        shop = ZuoraTestCatalogs.withZuoraIds(TeamShopBilling.shop());
        otherShop = ZuoraTestCatalogs.withZuoraIds(TeamShopBilling.otherShop());
        ZuoraTestCatalogs.seed(simulator, shop.catalog());
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            List<?> invalid = simulator.state().invalidRequests();
            simulator.close();
            assertThat(invalid).as("requests against Zuora's API document").isEmpty();
        }
    }

    @Override
    protected Fixture fixture() {
        ZuoraSettings settings = ZuoraSettings.of(simulator.baseUrl(), simulator.clientId(), simulator.clientSecret());
        ZuoraClient client = new ZuoraClient(settings, new ZuoraClient.Resilience(Duration.ofMillis(100),
                Duration.ofSeconds(2), 50, 20, Duration.ofSeconds(5), Duration.ofSeconds(5)), () -> "contract-it",
                CLOCK);
        ZuoraBillingGateway gateway = new ZuoraBillingGateway(client,
                id -> id == TeamShopBilling.SHOP ? shop : otherShop, CLOCK);
        return new Fixture(gateway, shop, TeamShopBilling.OTHER_SHOP, tenantId -> USERS.incrementAndGet(),
                TeamShopBilling.OFFER, CurrencyUnit.EUR, TeamShopBilling.GERMAN_VAT, CLOCK);
    }
}
