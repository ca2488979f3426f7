package com.subscriptionsuite.application.service.change;

import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
import com.subscriptionsuite.application.port.out.LedgerStore;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import java.time.Clock;

/** Builds the subscription-change use case; the service itself stays package-private. */
public final class ChangeUseCases {
    private ChangeUseCases() {
    }

    public static ChangeSubscription changeSubscription(TenantDirectory directory, LedgerStore billing,
            CustomerLocks locks, Transactions transactions, VatDetermination vat, Clock clock) {
        return new ChangeSubscriptionService(directory, billing, locks, transactions, vat, clock);
    }
}
