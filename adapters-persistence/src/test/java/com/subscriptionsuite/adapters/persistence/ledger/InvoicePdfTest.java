package com.subscriptionsuite.adapters.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.LedgerStore.InvoiceDocument;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    private static final Instant CREATED = Instant.parse("2025-05-01T08:15:30Z");
    private static final String REVERSE_CHARGE = "Reverse charge: the recipient is liable for the VAT "
            + "(Art. 196 Council Directive 2006/112/EC).";

    private static Money eur(String amount) {
        return Money.of(EUR, new BigDecimal(amount));
    }

    private static InvoiceLine line(String description, Money netto, Money tax) {
        return new InvoiceLine("S00000007", 301, description, MAY_1, LocalDate.of(2025, 6, 1),
                new TaxSplit(netto, tax, netto.plus(tax)));
    }

    private static Invoice invoice(InvoiceParty billTo, BigDecimal rate, String note, List<InvoiceLine> lines,
            Money paid) {
        CurrencyUnit currency = lines.get(0).amounts().currency();
        return new Invoice("inv-42", 1, "acc-1", "INV00000042", MAY_1, LocalDate.of(2025, 5, 15), currency,
                new InvoiceParty("Acme GmbH", List.of("Hauptstraße 1", "10115 Berlin"), "DE", "DE136695976"),
                billTo, rate, note, lines, paid, CREATED);
    }

    private static Invoice typical() {
        return invoice(new InvoiceParty("Müller & Söhne AG", List.of("Bahnhofstrasse 3", "8001 Zürich"), "CH",
                        "CHE-123.456.789"), new BigDecimal("0.19"), REVERSE_CHARGE,
                List.of(line("Seats (3 × 10.00 €)", eur("30.00"), eur("5.70")),
                        new InvoiceLine("S00000007", 302, "Credit for unused seats", LocalDate.of(2025, 5, 15),
                                LocalDate.of(2025, 6, 1), new TaxSplit(eur("-5.48"), eur("-1.04"), eur("-6.52"))),
                        new InvoiceLine("S00000007", 303, "Setup fee", MAY_1, MAY_1.plusDays(1),
                                new TaxSplit(eur("1234.56"), eur("234.57"), eur("1469.13")))),
                eur("10.00"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void the_document_is_a_pdf_named_after_the_invoice_number() {
        InvoiceDocument document = InvoicePdf.document(typical());

        assertThat(document.mediaType()).isEqualTo("application/pdf");
        assertThat(document.fileName()).isEqualTo("INV00000042.pdf");
        assertThat(document.invoiceNumber()).isEqualTo("INV00000042");
        assertThat(new String(document.content(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void shows_the_number_dates_parties_currency_and_tax_note() throws IOException {
        String text = text(InvoicePdf.render(typical()));

        assertThat(text).contains("Invoice", "INV00000042", "Invoice date:", "2025-05-01", "Due date:", "2025-05-15",
                "Currency:", "EUR");
        assertThat(text).contains("Acme GmbH", "Hauptstraße 1", "10115 Berlin", "VAT ID: DE136695976");
        assertThat(text).contains("BILL TO", "Müller & Söhne AG", "Bahnhofstrasse 3", "8001 Zürich", "Switzerland",
                "VAT ID: CHE-123.456.789");
        assertThat(text.replaceAll("\\s+", " ")).contains(REVERSE_CHARGE);
    }

    @Test
    void shows_each_line_with_its_period_and_amounts_and_the_totals() throws IOException {
        String text = text(InvoicePdf.render(typical()));

        assertThat(text).contains("Seats (3 × 10.00 €)", "2025-05-01 – 2025-05-31", "30.00", "5.70", "35.70");
        assertThat(text).contains("Credit for unused seats", "2025-05-15 – 2025-05-31", "-5.48", "-1.04", "-6.52");
        assertThat(text).as("a one-day period shows its day").contains("Setup fee", "1,234.56", "234.57", "1,469.13")
                .doesNotContain("2025-05-01 – 2025-05-01");
        assertThat(text).contains("Subscription S00000007");
        assertThat(text).contains("Total net 1,259.08 EUR", "Tax 19 % 239.23 EUR", "Total gross 1,498.31 EUR",
                "Paid 10.00 EUR", "Amount due 1,488.31 EUR");
    }

    @Test
    void a_negative_total_is_titled_credit_note() throws IOException {
        Invoice credit = invoice(new InvoiceParty("Ann Smith", List.of(), "DE", null), new BigDecimal("0.19"), "",
                List.of(line("Credit for unused seats", eur("-10.00"), eur("-1.90"))), eur("0.00"));

        String text = text(InvoicePdf.render(credit, InvoiceLanguage.EN));

        assertThat(text).contains("Credit note", "Total gross -11.90 EUR", "Amount due -11.90 EUR");
        assertThat(text(InvoicePdf.render(credit))).as("a customer in Germany gets German")
                .contains("Gutschrift", "Summe brutto -11,90 EUR", "Offener Betrag -11,90 EUR");
        assertThat(text.split("VAT ID:", -1)).as("only the seller has a VAT ID").hasSize(2);
    }

    @Test
    void yen_and_dinar_amounts_show_their_currencys_decimals() throws IOException {
        CurrencyUnit jpy = CurrencyUnit.of("JPY");
        CurrencyUnit kwd = CurrencyUnit.of("KWD");
        Invoice yen = invoice(new InvoiceParty("Ann", List.of(), "JP", null), new BigDecimal("0.10"), "",
                List.of(line("Seats", Money.of(jpy, new BigDecimal("12000")), Money.of(jpy, new BigDecimal("1200")))),
                Money.zero(jpy));
        Invoice dinar = invoice(new InvoiceParty("Ann", List.of(), "KW", null), new BigDecimal("0.05"), "",
                List.of(line("Seats", Money.of(kwd, new BigDecimal("12.345")), Money.of(kwd, new BigDecimal("0.617")))),
                Money.zero(kwd));

        assertThat(text(InvoicePdf.render(yen))).contains("Tax 10 % 1,200 JPY", "Total gross 13,200 JPY");
        assertThat(text(InvoicePdf.render(dinar))).contains("Tax 5 % 0.617 KWD", "Total gross 12.962 KWD");
    }

    @Test
    void latin_greek_and_cyrillic_print_as_written_and_only_characters_without_a_glyph_become_question_marks()
            throws IOException {
        Invoice polish = invoice(new InvoiceParty("Łódź Müller sp. z o.o.", List.of("ul. Żółkiewskiego 5"), "PL",
                        "PL5260250274"), new BigDecimal("0.23"), "Odwrotne obciążenie",
                List.of(line("Licencja — Ελληνικά Кириллица 中文 ½", eur("10.00"), eur("2.30"))), eur("0.00"));

        String text = text(InvoicePdf.render(polish));

        assertThat(text).contains("Łódź Müller sp. z o.o.", "ul. Żółkiewskiego 5", "Odwrotne obciążenie",
                "Licencja — Ελληνικά Кириллица ?? ½");
    }

    @Test
    void sixty_lines_run_over_several_pages_and_every_line_is_shown() throws IOException {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(line(String.format("Line %02d with a description long enough to need a second line", i),
                    eur(i + ".00"), eur("0." + String.format("%02d", i))));
        }
        Invoice long60 = invoice(new InvoiceParty("Ann Smith", List.of("1 Main St"), "DE", null),
                new BigDecimal("0.01"), REVERSE_CHARGE, lines, eur("0.00"));

        byte[] pdf = InvoicePdf.render(long60, InvoiceLanguage.EN);
        String text = text(pdf);

        int pages = pages(pdf);
        assertThat(pages).isGreaterThan(1);
        for (int i = 1; i <= 60; i++) {
            assertThat(text).contains(String.format("Line %02d with", i));
            assertThat(text).contains(i + ".00 0." + String.format("%02d", i));
        }
        assertThat(text).contains("Total net 1,830.00 EUR", "Tax 1 % 18.30 EUR", "Total gross 1,848.30 EUR");
        for (int p = 1; p <= pages; p++) {
            assertThat(text).contains("INV00000042 · page " + p + " of " + pages);
        }
    }

    @Test
    void a_word_wider_than_its_column_is_cut_instead_of_overflowing() throws IOException {
        String word = "Supercalifragilisticexpialidocious".repeat(4);
        Invoice invoice = invoice(new InvoiceParty("Ann", List.of(), "DE", null), new BigDecimal("0.19"), "",
                List.of(line(word, eur("1.00"), eur("0.19"))), eur("0.00"));

        String text = text(InvoicePdf.render(invoice));

        assertThat(text.replaceAll("\\s+", "")).contains(word);
    }

    @Test
    void the_same_invoice_renders_the_same_bytes_dated_by_the_invoice() throws Exception {
        byte[] first = InvoicePdf.render(typical());
        Thread.sleep(20);
        byte[] second = InvoicePdf.render(typical());

        assertThat(second).isEqualTo(first);
        try (PDDocument document = Loader.loadPDF(first)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(CREATED);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Invoice INV00000042");
        }
    }
}
