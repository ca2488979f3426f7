package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxRatesTest {

    private static Model.Account account(String country) {
        Model.Account a = new Model.Account();
        a.soldTo = ZuoraSimulator.JSON.createObjectNode().put("country", country);
        return a;
    }

    private static Model.InvoiceItem item(String amount, String taxMode, String taxCode) {
        Model.InvoiceItem i = new Model.InvoiceItem();
        i.amount = new BigDecimal(amount);
        i.taxable = true;
        i.taxMode = taxMode;
        i.taxCode = taxCode;
        return i;
    }

    @ParameterizedTest
    @CsvSource({"16.20, 3.08", "18.00, 3.42", "-1.80, -0.34", "-12.00, -2.28", "1.20, 0.23", "0.00, 0.00"})
    void tax_exclusive_items_are_taxed_per_item_rounded_half_up(String amount, String tax) {
        TaxRates rates = new TaxRates().put("DE", "0.19");
        Model.InvoiceItem i = item(amount, "TaxExclusive", null);
        rates.tax(i, account("DE"), "EUR", LocalDate.of(2026, 11, 21));
        assertThat(i.taxAmount).isEqualByComparingTo(tax);
        assertThat(i.amount).isEqualByComparingTo(amount);
        assertThat(i.taxation.taxRate()).isEqualByComparingTo("0.19");
        assertThat(i.taxation.jurisdiction()).isEqualTo("DE");
    }

    @Test
    void a_tax_inclusive_item_keeps_its_gross_and_splits_the_tax_out() {
        TaxRates rates = new TaxRates().put("DE", "0.19");
        Model.InvoiceItem i = item("119.00", "TaxInclusive", null);
        rates.tax(i, account("Germany"), "EUR", LocalDate.of(2026, 11, 21));
        assertThat(i.taxAmount).isEqualByComparingTo("19.00");
        assertThat(i.amount).isEqualByComparingTo("100.00");
    }

    @Test
    void the_charge_s_tax_code_picks_its_rate_and_an_unknown_country_or_code_is_not_taxed() {
        TaxRates rates = new TaxRates().put("DE", "0.19").put("DE", "REDUCED", "0.07", "VAT reduced");
        Model.InvoiceItem reduced = item("100.00", "TaxExclusive", "REDUCED");
        rates.tax(reduced, account("DE"), "EUR", LocalDate.of(2026, 1, 1));
        assertThat(reduced.taxAmount).isEqualByComparingTo("7.00");
        assertThat(reduced.taxation.name()).isEqualTo("VAT reduced");
        Model.InvoiceItem other = item("100.00", "TaxExclusive", "BOOKS");
        rates.tax(other, account("DE"), "EUR", LocalDate.of(2026, 1, 1));
        assertThat(other.taxAmount).isEqualByComparingTo("0");
        assertThat(other.taxation).isNull();
        Model.InvoiceItem us = item("100.00", "TaxExclusive", null);
        rates.tax(us, account("US"), "USD", LocalDate.of(2026, 1, 1));
        assertThat(us.taxation).isNull();
    }

    @Test
    void an_exempt_account_and_a_charge_not_taxable_are_not_taxed() {
        TaxRates rates = new TaxRates().put("DE", "0.19");
        Model.Account exempt = account("DE");
        exempt.taxInfo = ZuoraSimulator.JSON.createObjectNode().put("VATId", "DE136695976").put("exemptStatus", "Yes");
        Model.InvoiceItem i = item("100.00", "TaxExclusive", null);
        rates.tax(i, exempt, "EUR", LocalDate.of(2026, 1, 1));
        assertThat(i.taxAmount).isEqualByComparingTo("0");
        Model.InvoiceItem notTaxable = item("100.00", "TaxExclusive", null);
        notTaxable.taxable = false;
        rates.tax(notTaxable, account("DE"), "EUR", LocalDate.of(2026, 1, 1));
        assertThat(notTaxable.taxation).isNull();
    }

    @Test
    void a_rate_must_be_a_fraction() {
        assertThatThrownBy(() -> new TaxRates().put("DE", "19")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRates().put(" ", "0.19")).isInstanceOf(IllegalArgumentException.class);
    }
}
