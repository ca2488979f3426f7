package com.subscriptionsuite.application.service.voucher;

import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import java.time.Clock;
import java.time.Duration;

/** Builds the voucher use cases; the service itself stays package-private. */
public final class VoucherUseCases {
    private VoucherUseCases() {
    }

    public static VoucherCases create(TenantDirectory directory, Vouchers vouchers, Transactions transactions,
            Clock clock, Duration holdFor) {
        return new VoucherService(directory, vouchers, transactions, clock, holdFor);
    }
}
