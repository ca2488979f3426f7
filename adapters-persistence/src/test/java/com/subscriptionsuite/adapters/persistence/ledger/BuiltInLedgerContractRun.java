package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.ledger.BuiltInLedger;
import com.subscriptionsuite.application.ledger.TeamShopBilling;
import com.subscriptionsuite.application.port.out.billing.BillingGatewayContract;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * The built-in ledger over {@link JdbiLedgerStore} and {@link JdbiTransactions} on a migrated,
 * empty database: the two team shops stored as tenants, each customer a registered user (an
 * account names its user).
 */
abstract class BuiltInLedgerContractRun extends BillingGatewayContract {
    private final AtomicInteger registered = new AtomicInteger();
    private Database database;

    /** A migrated, empty database. */
    protected abstract Database openDatabase();

    @Override
    protected boolean answersWithTheRecordsAsBooked() {
        return true;
    }

    @Override
    protected Fixture fixture() {
        database = openDatabase();
        Jdbi jdbi = database.jdbi();
        JdbiTenants tenants = new JdbiTenants(jdbi);
        tenants.store(TeamShopBilling.shop());
        tenants.store(TeamShopBilling.otherShop());
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        MutableClock clock = new MutableClock(TeamShopBilling.START);
        BuiltInLedger ledger = new BuiltInLedger(new JdbiLedgerStore(jdbi), new JdbiTransactions(jdbi), directory,
                new CountingSecrets(), new VatDetermination(VatRates.euStandardRates()), clock);
        JdbiUsers users = new JdbiUsers(jdbi);
        return new Fixture(ledger, directory.require(TeamShopBilling.SHOP), TeamShopBilling.OTHER_SHOP,
                tenantId -> {
                    int n = registered.incrementAndGet();
                    return users.add(tenantId, String.format("00000000-0000-4000-8000-%012d", n), UserKind.CUSTOMER,
                            EmailAddress.parse("email", "customer" + n + "@example.com")
                                    .getOrElseThrow(r -> new AssertionError(r.message())),
                            "hash", "de", TeamShopBilling.START)
                            .getOrElseThrow(taken -> new AssertionError("email taken: " + taken)).id();
                },
                TeamShopBilling.OFFER, CurrencyUnit.EUR, TeamShopBilling.GERMAN_VAT, clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
