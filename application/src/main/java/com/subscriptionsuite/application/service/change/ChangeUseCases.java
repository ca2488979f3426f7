package com.subscriptionsuite.application.service.change;

import com.subscriptionsuite.application.port.out.events.BusinessEvents;

import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
import com.subscriptionsuite.application.port.in.change.WithdrawChange;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.BillingOperations;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.service.common.CustomerOperations;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import java.time.Clock;

/** Builds the subscription-change use case; the service itself stays package-private. */
public final class ChangeUseCases {
    private ChangeUseCases() {
    }

    public static ChangeSubscription changeSubscription(TenantDirectory directory,
            CustomerLocks locks, AccountLinks links, BillingOperations operations, BillingGateway gateway,
            Transactions transactions, Secrets secrets,
            VatDetermination vat, Clock clock, BusinessEvents events) {
        return new ChangeSubscriptionService(directory, new CustomerOperations(locks, links, operations, gateway,
                transactions, secrets, clock, events), vat, clock);
    }

    /** The withdrawal of a pending change or cancel (its events go to {@code events}, like the changes'). */
    public static WithdrawChange withdrawChange(TenantDirectory directory,
            CustomerLocks locks, AccountLinks links, BillingOperations operations, BillingGateway gateway,
            Transactions transactions, Secrets secrets,
            VatDetermination vat, Clock clock, BusinessEvents events) {
        return new WithdrawChangeService(directory, new CustomerOperations(locks, links, operations, gateway,
                transactions, secrets, clock, events), vat, clock, events);
    }
}
