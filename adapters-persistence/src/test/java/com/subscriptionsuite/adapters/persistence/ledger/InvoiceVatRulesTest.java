package com.subscriptionsuite.adapters.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.ledger.InvoiceLanguage.Label;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.Seller;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.TaxReason;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import com.subscriptionsuite.domain.tenant.SellerAddress;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The invoice as the EU VAT rules ask for it, for a customer in Bulgaria whose names are written in
 * Polish/Czech, Greek and Cyrillic: everything read back from the PDF's text exactly as written, in
 * German and in English, with the reverse-charge notice a B2B customer with a Bulgarian VAT ID gets.
 * The tax decisions come from the engine's own {@link VatDetermination}, as the ledger stores them.
 */
class InvoiceVatRulesTest {
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final VatDetermination VAT = new VatDetermination(VatRates.euStandardRates());
    private static final Seller SELLER = new Seller("DE", false);
    private static final SellerAddress SELLER_ADDRESS = new SellerAddress("Friedrichstraße 123", "10117", "Berlin", null);
    private static final String PERSON = "Łukasz Dvořák";
    private static final String COMPANY = "Παπαδόπουλος ΕΠΕ";
    private static final String STREET = "ул. Витоша 1";
    private static final String CITY_LINE = "1000 София";
    private static final String BG_VAT_ID = "BG175074752";

    private static Money eur(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }

    private static Invoice invoiceFor(InvoiceParty billTo, TaxDecision tax) {
        Money net = eur("100.00");
        Money taxAmount = Money.of(CurrencyUnit.EUR, tax.rate().multiply(net.getAmount()),
                java.math.RoundingMode.HALF_EVEN);
        return new Invoice("inv-7", 1, "acc-7", "INV00000007", MAY_1, MAY_1.plusDays(14), CurrencyUnit.EUR,
                new InvoiceParty("Cloud Office Demo GmbH", SELLER_ADDRESS.lines(), "DE", "DE136695976"),
                billTo, tax.rate(), tax.explanation(),
                List.of(new InvoiceLine("S00000003", 11, "Cloud Office Business (5 × Lizenz)", MAY_1,
                        LocalDate.of(2026, 6, 1), new TaxSplit(net, taxAmount, net.plus(taxAmount)))),
                eur("0.00"), Instant.parse("2026-05-01T06:00:00Z"));
    }

    /** A Greek-named company in Sofia, its contact a Polish/Czech name, with a valid Bulgarian VAT ID: reverse charge. */
    private static Invoice businessInBulgaria() {
        TaxDecision tax = VAT.decide(SELLER, new TaxCustomer("BG", "1000", true, BG_VAT_ID), MAY_1);
        assertThat(tax.reason()).isEqualTo(TaxReason.REVERSE_CHARGE);
        return invoiceFor(new InvoiceParty(COMPANY, List.of(PERSON, STREET, CITY_LINE), "BG", BG_VAT_ID), tax);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void names_and_addresses_in_latin_greek_and_cyrillic_print_exactly_as_written() throws IOException {
        for (InvoiceLanguage language : InvoiceLanguage.values()) {
            String text = text(InvoicePdf.render(businessInBulgaria(), language));

            assertThat(text).as(language.name()).contains(COMPANY, PERSON, STREET, CITY_LINE, BG_VAT_ID)
                    .doesNotContain("?");
            assertThat(text).as("the seller's full address, " + language)
                    .contains("Cloud Office Demo GmbH", "Friedrichstraße 123", "10117 Berlin", "DE136695976");
        }
    }

    @Test
    void the_german_invoice_uses_the_german_table_and_the_german_reverse_charge_notice() throws IOException {
        String text = text(InvoicePdf.render(businessInBulgaria(), InvoiceLanguage.DE));
        String flat = text.replaceAll("\\s+", " ");

        assertThat(text).contains("Rechnung", "Rechnungsnummer:", "INV00000007", "Rechnungsdatum:", "2026-05-01",
                "Fällig am:", "2026-05-15", "Währung:", "RECHNUNGSEMPFÄNGER", "USt-IdNr.: " + BG_VAT_ID,
                "USt-IdNr.: DE136695976", "Beschreibung", "Leistungszeitraum", "Netto", "Brutto",
                "2026-05-01 – 2026-05-31", "Abonnement S00000003", "Summe netto 100,00 EUR", "USt 0 % 0,00 EUR",
                "Summe brutto 100,00 EUR", "Offener Betrag 100,00 EUR", "Bulgarien", "Deutschland",
                "INV00000007 · Seite 1 von 1");
        assertThat(flat).contains("Steuerschuldnerschaft des Leistungsempfängers");
        assertThat(text).as("no English label on the German invoice").doesNotContain("Invoice date", "Bill to",
                "Total net", "VAT ID:");
    }

    @Test
    void the_english_invoice_uses_the_english_table_and_says_reverse_charge() throws IOException {
        String text = text(InvoicePdf.render(businessInBulgaria(), InvoiceLanguage.EN));
        String flat = text.replaceAll("\\s+", " ");

        assertThat(text).contains("Invoice", "Number:", "Invoice date:", "Due date:", "Currency:", "BILL TO",
                "VAT ID: " + BG_VAT_ID, "VAT ID: DE136695976", "Description", "Service period", "Net", "Gross",
                "Subscription S00000003", "Total net 100.00 EUR", "Tax 0 % 0.00 EUR", "Total gross 100.00 EUR",
                "Amount due 100.00 EUR", "Bulgaria", "Germany", "INV00000007 · page 1 of 1");
        assertThat(flat).contains(InvoiceLanguage.EN.text(Label.REVERSE_CHARGE));
        assertThat(text).doesNotContain("Steuerschuldnerschaft", "Rechnungsdatum");
    }

    @Test
    void a_customer_in_bulgaria_gets_english_and_one_in_austria_german_by_default() throws IOException {
        assertThat(text(InvoicePdf.render(businessInBulgaria()))).contains("Invoice date:");
        TaxDecision austria = VAT.decide(SELLER, new TaxCustomer("AT", "1010", true, "ATU13585627"), MAY_1);
        Invoice toAustria = invoiceFor(new InvoiceParty("Wiener Firma GmbH", List.of("Ring 1", "1010 Wien"), "AT",
                "ATU13585627"), austria);
        assertThat(text(InvoicePdf.render(toAustria))).contains("Rechnungsdatum:", "Österreich");
    }

    @Test
    void a_consumer_in_bulgaria_pays_bulgarian_vat_and_the_invoice_says_oss() throws IOException {
        TaxDecision tax = VAT.decide(SELLER, new TaxCustomer("BG", "1000", false, null), MAY_1);
        assertThat(tax.reason()).isEqualTo(TaxReason.OSS_DESTINATION);
        Invoice consumer = invoiceFor(new InvoiceParty(PERSON, List.of(STREET, CITY_LINE), "BG", null), tax);

        String english = text(InvoicePdf.render(consumer, InvoiceLanguage.EN)).replaceAll("\\s+", " ");
        String german = text(InvoicePdf.render(consumer, InvoiceLanguage.DE)).replaceAll("\\s+", " ");

        assertThat(english).contains("BG VAT at 20 %, declared under the One-Stop Shop (OSS) scheme.",
                "Tax 20 % 20.00 EUR", "Total gross 120.00 EUR").doesNotContain("Reverse charge");
        assertThat(german).contains("Umsatzsteuer BG 20 %, erklärt im One-Stop-Shop-Verfahren (OSS).",
                "USt 20 % 20,00 EUR", "Summe brutto 120,00 EUR").doesNotContain("Steuerschuldnerschaft");
        assertThat(english.split("VAT ID:", -1)).as("a consumer without VAT ID: only the seller's").hasSize(2);
    }

    @Test
    void a_domestic_invoice_carries_no_notice() throws IOException {
        TaxDecision tax = VAT.decide(SELLER, new TaxCustomer("DE", "10115", false, null), MAY_1);
        Invoice domestic = invoiceFor(new InvoiceParty("Ann Example", List.of("Hauptstraße 1", "10115 Berlin"), "DE",
                null), tax);

        String german = text(InvoicePdf.render(domestic)).replaceAll("\\s+", " ");

        assertThat(german).contains("Rechnung", "USt 19 % 19,00 EUR").doesNotContain("Steuerschuldnerschaft", "OSS");
    }

    @Test
    void every_language_has_every_label_and_the_fonts_are_embedded() throws IOException {
        for (InvoiceLanguage language : InvoiceLanguage.values()) {
            for (Label label : Label.values()) {
                assertThat(language.text(label)).as(language + " " + label).isNotBlank();
            }
        }
        try (PDDocument document = Loader.loadPDF(InvoicePdf.render(businessInBulgaria()))) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
        }
    }
}
