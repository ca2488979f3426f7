package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.adapters.persistence.ledger.InvoiceLanguage.Label;
import com.subscriptionsuite.application.port.out.LedgerStore.InvoiceDocument;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.tax.TaxReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.joda.money.Money;

/**
 * Renders a stored {@link Invoice} as a PDF (A4, Apache PDFBox) as the EU VAT Directive (Art. 226)
 * asks: the seller with name, postal address, country and VAT ID; the bill-to party with its
 * address and VAT ID when it has one; number, invoice date, due date and currency; a table of the
 * lines (description with subscription number, service period, net, tax, gross) that continues over
 * as many pages as it needs, its header repeated; the totals (net, tax at the invoice's rate, gross,
 * paid, amount due); the legal notice the tax decision calls for (reverse charge, OSS, outside the
 * EU) and the engine's tax note. A negative total is titled "Credit note". Every page says the
 * number and "page n of m". Decisions: docs/invoices.md.
 *
 * <h2>Language</h2>
 * Every word the invoice prints comes from one table per {@link InvoiceLanguage} (German and
 * English); {@link #render(Invoice)} picks the language from the customer's country
 * ({@link InvoiceLanguage#forCountry}), {@link #render(Invoice, InvoiceLanguage)} takes it.
 *
 * <h2>Characters</h2>
 * The text is set in DejaVu Sans (regular and bold), embedded as subsets (Type 0 / CID fonts with a
 * ToUnicode map, so the text can be searched and copied): Latin with all its accents, Greek and
 * Cyrillic print as written ("Łukasz Dvořák", "Παπαδόπουλος", "ул. Витоша 1"). A character the font
 * has no glyph for (e.g. Chinese) is printed as "?": rendering never fails on a name. The font files
 * are Debian's fonts-dejavu-core 2.37 (resources/fonts, with their licence).
 *
 * <h2>Determinism</h2>
 * The same invoice renders the same bytes: the document's dates are the invoice's creation time,
 * its file identifier is derived from the invoice's tenant and id, and the font subsets are named by
 * the glyphs they hold.
 */
public final class InvoicePdf {
    public static final String MEDIA_TYPE = "application/pdf";

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float LEFT = 50;
    private static final float RIGHT = SIZE.getWidth() - 50;
    private static final float TOP = SIZE.getHeight() - 50;
    private static final float BOTTOM = 60;
    private static final float TEXT = 9;
    private static final float SMALL = 7;
    private static final float LEADING = 11.5f;

    /** Table columns: description and period start at their x, amounts end at theirs. */
    private static final float DESCRIPTION_X = LEFT;
    private static final float DESCRIPTION_WIDTH = 180;
    private static final float PERIOD_X = 236;
    private static final float NET_RIGHT = 415;
    private static final float TAX_RIGHT = 480;
    private static final float GROSS_RIGHT = RIGHT;

    /** DejaVu Sans 2.37 (Debian fonts-dejavu-core), read once; every document embeds its own subset. */
    private static final byte[] REGULAR_FONT = resource("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD_FONT = resource("fonts/DejaVuSans-Bold.ttf");

    private InvoicePdf() {
    }

    private static byte[] resource(String name) {
        try (InputStream in = InvoicePdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + name, e);
        }
    }

    /** The invoice's document: the PDF, {@value #MEDIA_TYPE}, named after the invoice number. */
    public static InvoiceDocument document(Invoice invoice) {
        return new InvoiceDocument(invoice.number(), MEDIA_TYPE, fileName(invoice.number()), render(invoice));
    }

    /** {@code <number>.pdf}, with characters other than letters, digits, '.', '_' and '-' as '_'. */
    static String fileName(String number) {
        return number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** The PDF's bytes, in the language of the customer's country ({@link InvoiceLanguage#forCountry}). */
    public static byte[] render(Invoice invoice) {
        return render(invoice, InvoiceLanguage.forCountry(invoice.billTo().country()));
    }

    /** The PDF's bytes in {@code language}. */
    public static byte[] render(Invoice invoice, InvoiceLanguage language) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document, invoice, language);
            writer.write();
            describe(document, invoice, writer, language);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render invoice " + invoice.number(), e);
        }
    }

    /** Title, author and dates from the invoice, and a file identifier derived from it. */
    private static void describe(PDDocument document, Invoice invoice, Writer writer, InvoiceLanguage language) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(writer.safe(title(invoice, language) + " " + invoice.number()));
        info.setAuthor(writer.safe(invoice.seller().name()));
        info.setCreator("Subscription Suite Engine");
        GregorianCalendar created = GregorianCalendar.from(invoice.createdAt().atZone(ZoneOffset.UTC));
        info.setCreationDate(created);
        info.setModificationDate(created);
        byte[] id = Arrays.copyOf(sha256(invoice.tenantId() + "/" + invoice.id()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String title(Invoice invoice, InvoiceLanguage language) {
        return language.text(invoice.total().brutto().isNegative() ? Label.CREDIT_NOTE : Label.INVOICE);
    }

    static String amount(Money money) {
        return amount(money, InvoiceLanguage.EN);
    }

    /** The amount with its currency's decimals, grouped and pointed as the language writes numbers. */
    static String amount(Money money, InvoiceLanguage language) {
        int scale = money.getCurrencyUnit().getDecimalPlaces();
        DecimalFormat format = new DecimalFormat(scale > 0 ? "#,##0." + "0".repeat(scale) : "#,##0",
                DecimalFormatSymbols.getInstance(language.locale()));
        return format.format(money.getAmount());
    }

    static String percent(BigDecimal rate) {
        return percent(rate, InvoiceLanguage.EN);
    }

    static String percent(BigDecimal rate, InvoiceLanguage language) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        String plain = (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString();
        return (language == InvoiceLanguage.DE ? plain.replace('.', ',') : plain) + " %";
    }

    /**
     * The legal notice the invoice's tax decision calls for, in {@code language}, read from the stored
     * decision ({@link TaxReason#ofExplanation}): reverse charge (Art. 226 (11a)), OSS, outside the
     * EU VAT area; none for a domestic supply or a note the engine did not write.
     */
    static String legalNotice(Invoice invoice, InvoiceLanguage language) {
        TaxReason reason = TaxReason.ofExplanation(invoice.taxNote()).getOrNull();
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case REVERSE_CHARGE -> language.text(Label.REVERSE_CHARGE);
            case OSS_DESTINATION -> language.text(Label.OSS).replace("{country}", invoice.billTo().country())
                    .replace("{rate}", percent(invoice.taxRate(), language));
            case OUTSIDE_SCOPE, SPECIAL_TERRITORY -> language.text(Label.OUTSIDE_EU_VAT);
            case DOMESTIC, SELLER_RATE_BELOW_THRESHOLD -> "";
        };
    }

    /** The service period with its last day (the line's end is exclusive). */
    static String period(InvoiceLine line) {
        LocalDate last = line.serviceEnd().minusDays(1);
        return last.isAfter(line.serviceStart()) ? line.serviceStart() + " \u2013 " + last : line.serviceStart().toString();
    }

    /**
     * Writes the pages of one invoice, top to bottom, starting a page when the next block does not
     * fit. Fonts are the writer's own: PDFBox's font objects keep caches that are not thread-safe.
     */
    private static final class Writer {
        private final PDDocument document;
        private final Invoice invoice;
        private final InvoiceLanguage language;
        private final PDFont regular;
        private final PDFont bold;
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, Invoice invoice, InvoiceLanguage language) throws IOException {
            this.document = document;
            this.invoice = invoice;
            this.language = language;
            this.regular = PDType0Font.load(document, new java.io.ByteArrayInputStream(REGULAR_FONT), true);
            this.bold = PDType0Font.load(document, new java.io.ByteArrayInputStream(BOLD_FONT), true);
        }

        private String t(Label label) {
            return language.text(label);
        }

        /**
         * The text as the fonts can show it: characters they have no glyph for as '?'; line breaks
         * and tabs as spaces.
         */
        String safe(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == '\r' || cp == '\t') {
                    out.append(' ');
                } else if (encodable(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean encodable(int cp) {
            return encodable.computeIfAbsent(cp, c -> {
                if (Character.isISOControl(c)) {
                    return false;
                }
                String text = new String(Character.toChars(c));
                try {
                    regular.encode(text);
                    bold.encode(text);
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
        }

        private static float width(PDFont font, float size, String text) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text broken into lines no wider than {@code max} (at spaces; a longer word is cut). */
        private List<String> wrap(String text, PDFont font, float size, float max) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\\R")) {
                StringBuilder line = new StringBuilder();
                for (String word : safe(paragraph).split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(font, size, candidate) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(font, size, rest) > max) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        void write() throws IOException {
            newPage();
            try {
                header();
                table();
                totals();
                note();
            } finally {
                content.close();
            }
            footers();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = TOP;
        }

        private void ensureSpace(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private void text(PDFont font, float size, float x, float atY, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(safe(text));
            content.endText();
        }

        private void textRight(PDFont font, float size, float right, float atY, String text) throws IOException {
            String shown = safe(text);
            text(font, size, right - width(font, size, shown), atY, shown);
        }

        private void rule(float atY) throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(LEFT, atY);
            content.lineTo(RIGHT, atY);
            content.stroke();
        }

        private void header() throws IOException {
            float top = y;
            float left = party(invoice.seller(), null, top);
            textRight(bold, 18, RIGHT, top - 14, title(invoice, language));
            float right = top - 34;
            for (String[] field : new String[][] {
                    {t(Label.NUMBER), invoice.number()},
                    {t(Label.INVOICE_DATE), invoice.invoiceDate().toString()},
                    {t(Label.DUE_DATE), invoice.dueDate().toString()},
                    {t(Label.CURRENCY), invoice.currency().getCode()}}) {
                text(regular, TEXT, 360, right, field[0] + ":");
                textRight(bold, TEXT, RIGHT, right, field[1]);
                right -= LEADING;
            }
            y = Math.min(left, right) - 20;
            y = party(invoice.billTo(), t(Label.BILL_TO), y) - 16;
        }

        /** A party's block from {@code top}; where it ends. */
        private float party(InvoiceParty party, String label, float top) throws IOException {
            float at = top;
            if (label != null) {
                text(bold, SMALL, LEFT, at, label.toUpperCase(Locale.ROOT));
                at -= LEADING;
            }
            text(bold, label == null ? 12 : 10, LEFT, at - (label == null ? 2 : 0), party.name());
            at -= label == null ? 16 : 13;
            for (String line : party.addressLines()) {
                text(regular, TEXT, LEFT, at, line);
                at -= LEADING;
            }
            text(regular, TEXT, LEFT, at, language.country(party.country()));
            at -= LEADING;
            if (party.vatId() != null && !party.vatId().isBlank()) {
                text(regular, TEXT, LEFT, at, t(Label.VAT_ID) + ": " + party.vatId());
                at -= LEADING;
            }
            return at;
        }

        private void tableHeader() throws IOException {
            text(bold, TEXT, DESCRIPTION_X, y, t(Label.DESCRIPTION));
            text(bold, TEXT, PERIOD_X, y, t(Label.SERVICE_PERIOD));
            textRight(bold, TEXT, NET_RIGHT, y, t(Label.NET));
            textRight(bold, TEXT, TAX_RIGHT, y, t(Label.TAX));
            textRight(bold, TEXT, GROSS_RIGHT, y, t(Label.GROSS));
            rule(y - 4);
            y -= LEADING + 4;
        }

        private void table() throws IOException {
            ensureSpace(3 * LEADING);
            tableHeader();
            for (InvoiceLine line : invoice.lines()) {
                List<String> description = wrap(line.description(), regular, TEXT, DESCRIPTION_WIDTH);
                float height = description.size() * LEADING + 9;
                if (y - height < BOTTOM) {
                    newPage();
                    tableHeader();
                }
                TaxSplit amounts = line.amounts();
                text(regular, TEXT, PERIOD_X, y, period(line));
                textRight(regular, TEXT, NET_RIGHT, y, amount(amounts.netto(), language));
                textRight(regular, TEXT, TAX_RIGHT, y, amount(amounts.tax(), language));
                textRight(regular, TEXT, GROSS_RIGHT, y, amount(amounts.brutto(), language));
                for (String part : description) {
                    text(regular, TEXT, DESCRIPTION_X, y, part);
                    y -= LEADING;
                }
                text(regular, SMALL, DESCRIPTION_X, y + 2, t(Label.SUBSCRIPTION) + " " + line.subscriptionNumber());
                y -= 9;
            }
            rule(y + 4);
            y -= 8;
        }

        private void totals() throws IOException {
            TaxSplit total = invoice.total();
            String currency = " " + invoice.currency().getCode();
            String[][] rows = {
                    {t(Label.TOTAL_NET), amount(total.netto(), language) + currency},
                    {t(Label.TAX) + " " + percent(invoice.taxRate(), language), amount(total.tax(), language) + currency},
                    {t(Label.TOTAL_GROSS), amount(total.brutto(), language) + currency},
                    {t(Label.PAID), amount(invoice.paid(), language) + currency},
                    {t(Label.AMOUNT_DUE), amount(invoice.balance(), language) + currency}};
            ensureSpace(rows.length * LEADING + 4);
            for (int i = 0; i < rows.length; i++) {
                PDFont font = i == 2 || i == 4 ? bold : regular;
                text(font, TEXT, 330, y, rows[i][0]);
                textRight(font, TEXT, GROSS_RIGHT, y, rows[i][1]);
                y -= LEADING + (i == 2 ? 4 : 0);
            }
            y -= 12;
        }

        /**
         * The legal notice in the invoice's language (bold), then, on an English invoice, the
         * engine's own explanation of the tax decision (it is written in English).
         */
        private void note() throws IOException {
            paragraph(bold, legalNotice(invoice, language));
            if (language == InvoiceLanguage.EN) {
                paragraph(regular, invoice.taxNote());
            }
        }

        private void paragraph(PDFont font, String text) throws IOException {
            if (text.isBlank()) {
                return;
            }
            for (String line : wrap(text, font, TEXT, RIGHT - LEFT)) {
                ensureSpace(LEADING);
                text(font, TEXT, LEFT, y, line);
                y -= LEADING;
            }
            y -= 4;
        }

        /** "INV00000001 · page 1 of 3" at the foot of every page, once the page count is known. */
        private void footers() throws IOException {
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        AppendMode.APPEND, true, true)) {
                    String text = safe(invoice.number() + " \u00b7 " + t(Label.PAGE_OF)
                            .replace("{page}", String.valueOf(i + 1)).replace("{pages}", String.valueOf(pages)));
                    foot.beginText();
                    foot.setFont(regular, SMALL);
                    foot.newLineAtOffset(RIGHT - width(regular, SMALL, text), 30);
                    foot.showText(text);
                    foot.endText();
                }
            }
        }
    }
}
