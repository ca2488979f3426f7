package com.subscriptionsuite.application.ledger;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLedgerStore;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.port.out.billing.BillingGatewayContract;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.money.CurrencyUnit;

/** The built-in ledger over the in-memory store: the contract's sentences without a database. */
class BuiltInLedgerContractTest extends BillingGatewayContract {
    @Override
    protected boolean answersWithTheRecordsAsBooked() {
        return true;
    }

    @Override
    protected Fixture fixture() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(TeamShopBilling.shop());
        tenants.store(TeamShopBilling.otherShop());
        TenantDirectory directory = new TenantDirectory(tenants);
        directory.refresh();
        MutableClock clock = new MutableClock(TeamShopBilling.START);
        BuiltInLedger ledger = new BuiltInLedger(new InMemoryLedgerStore(), new InMemoryTransactions(), directory,
                new CountingSecrets(), new VatDetermination(VatRates.euStandardRates()), clock);
        AtomicLong users = new AtomicLong(100);
        return new Fixture(ledger, directory.require(TeamShopBilling.SHOP), TeamShopBilling.OTHER_SHOP,
                tenantId -> users.incrementAndGet(), TeamShopBilling.OFFER, CurrencyUnit.EUR,
                TeamShopBilling.GERMAN_VAT, clock);
    }
}
