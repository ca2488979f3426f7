package com.subscriptionsuite.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.domain.tax.TaxCustomer;
import org.junit.jupiter.api.Test;

/** An account is taxed from the billing address when it has one, else from the contact address. */
class AccountTaxCustomerTest {

    @Test
    void is_taxed_from_the_contact_address_without_a_billing_address() {
        assertThat(AccountRulesTest.company("AT", "ATU13585627").taxCustomer())
                .isEqualTo(new TaxCustomer("AT", "1010", true, "ATU13585627"));
    }

    @Test
    void is_taxed_from_the_billing_address_when_it_has_one() {
        AccountDetails billedInFrance = AccountRulesTest.withBilling("Ann", "Example", "Rue 1", "75001", "Paris", "FR",
                "ann@example.com");

        assertThat(billedInFrance.country()).isEqualTo("DE");
        assertThat(billedInFrance.taxCustomer()).isEqualTo(new TaxCustomer("FR", "75001", false, billedInFrance.vatId()));
    }
}
