package com.subscriptionsuite.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.SellerAddress;
import com.subscriptionsuite.domain.tenant.SellerSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoicePartyTest {
    private static Tenant tenant(SellerSettings seller) {
        return new Tenant(1, "shop", "Cloud Office Demo GmbH", List.of(), seller, List.of(), List.of(),
                new CartSettings(1, true, true, true, true, true, false),
                new CheckoutSettings(1, true, true, true, true, true, false, false),
                new CustomerCenterSettings(1, true, false, false));
    }

    @Test
    void the_seller_is_printed_with_its_postal_address_from_the_tenant() {
        InvoiceParty seller = InvoiceParty.seller(tenant(new SellerSettings("BG", " BG175074752 ", false,
                new SellerAddress(" ул. Витоша 1 ", "1000", "София", "Област София"))));

        assertThat(seller).isEqualTo(new InvoiceParty("Cloud Office Demo GmbH",
                List.of("ул. Витоша 1", "1000 София", "Област София"), "BG", "BG175074752"));
    }

    @Test
    void a_seller_without_address_prints_name_country_and_vat_id_only() {
        InvoiceParty seller = InvoiceParty.seller(tenant(new SellerSettings("DE", null, false)));

        assertThat(seller).isEqualTo(new InvoiceParty("Cloud Office Demo GmbH", List.of(), "DE", null));
    }
}
