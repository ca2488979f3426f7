package com.subscriptionsuite.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.tax.Seller;
import org.junit.jupiter.api.Test;

/** The tenant's seller settings are the seller VAT is decided for. */
class TenantVatSellerTest {

    @Test
    void sells_from_its_seller_country() {
        Tenant tenant = new TenantFixture().build().tenant();

        assertThat(tenant.vatSeller()).isEqualTo(new Seller(tenant.seller().country(), false));
    }
}
