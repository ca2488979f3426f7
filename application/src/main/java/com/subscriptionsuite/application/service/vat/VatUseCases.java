package com.subscriptionsuite.application.service.vat;

import com.subscriptionsuite.application.port.in.vat.ValidateVatId;
import com.subscriptionsuite.application.port.out.VatChecks;
import com.subscriptionsuite.application.port.out.VatRegistry;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import java.time.Clock;

/** Builds the VAT ID use case; the service itself stays package-private. */
public final class VatUseCases {
    private VatUseCases() {
    }

    public static ValidateVatId validateVatId(TenantDirectory directory, VatRegistry registry, VatChecks checks,
            Clock clock) {
        return new ValidateVatIdService(directory, registry, checks, clock);
    }
}
