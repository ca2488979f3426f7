package com.subscriptionsuite.application.service.pricing;

import com.subscriptionsuite.application.port.in.pricing.PreviewPrices;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.application.port.out.Vouchers;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;

/** Builds the pricing use cases; the services themselves stay package-private. */
public final class PricingUseCases {
    private PricingUseCases() {
    }

    public static PreviewPrices previewPrices(TenantDirectory directory, VatDetermination vat, Clock clock,
            Option<Vouchers> vouchers, Duration holdFor) {
        return new PreviewPricesService(directory, vat, clock, vouchers, holdFor);
    }
}
