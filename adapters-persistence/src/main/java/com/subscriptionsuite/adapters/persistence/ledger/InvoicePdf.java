package com.subscriptionsuite.adapters.persistence.ledger;

import com.subscriptionsuite.application.port.out.LedgerStore.InvoiceDocument;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
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
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.joda.money.Money;

/**
 * Renders a stored {@link Invoice} as a PDF (A4, Apache PDFBox): the seller with address, country and
 * VAT ID; the bill-to party; number, invoice date, due date and currency; a table of the lines
 * (description with subscription number, service period, net, tax, gross) that continues over as many
 * pages as it needs, its header repeated; the totals (net, tax at the invoice's rate, gross, paid,
 * amount due); and the tax note (e.g. why the reverse charge applies). A negative total is titled
 * "Credit note". Every page says the number and "page n of m".
 *
 * <h2>Characters</h2>
 * The text is set in the standard Helvetica (not embedded: every PDF reader has it), whose
 * WinAnsi encoding covers Western European text (ä, ß, é, €, „“). A character outside it is written
 * as its base letter when it has one (ź → z by Unicode decomposition; Ł → L, đ → d from a small
 * table), else as "?": rendering never fails on a name, and nothing depends on fonts installed on
 * the server. The stored invoice keeps the exact text.
 *
 * <h2>Determinism</h2>
 * The same invoice renders the same bytes: the document's dates are the invoice's creation time
 * and its file identifier is derived from the invoice's tenant and id.
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

    /** Letters that Unicode decomposition does not reduce to a base letter. */
    private static final Map<Integer, String> BASE_LETTERS = Map.ofEntries(
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'Ŀ', "L"), Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'Ŧ', "T"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ĸ', "k"),
            Map.entry((int) 'Ŋ', "N"), Map.entry((int) 'ŋ', "n"), Map.entry((int) 'ẞ', "SS"),
            Map.entry(0x2212, "-"), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"));

    private InvoicePdf() {
    }

    /** The invoice's document: the PDF, {@value #MEDIA_TYPE}, named after the invoice number. */
    public static InvoiceDocument document(Invoice invoice) {
        return new InvoiceDocument(invoice.number(), MEDIA_TYPE, fileName(invoice.number()), render(invoice));
    }

    /** {@code <number>.pdf}, with characters other than letters, digits, '.', '_' and '-' as '_'. */
    static String fileName(String number) {
        return number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** The PDF's bytes. */
    public static byte[] render(Invoice invoice) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document, invoice);
            writer.write();
            describe(document, invoice, writer);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render invoice " + invoice.number(), e);
        }
    }

    /** Title, author and dates from the invoice, and a file identifier derived from it. */
    private static void describe(PDDocument document, Invoice invoice, Writer writer) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(writer.safe(title(invoice) + " " + invoice.number()));
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

    private static String title(Invoice invoice) {
        return invoice.total().brutto().isNegative() ? "Credit note" : "Invoice";
    }

    static String amount(Money money) {
        int scale = money.getCurrencyUnit().getDecimalPlaces();
        DecimalFormat format = new DecimalFormat(scale > 0 ? "#,##0." + "0".repeat(scale) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        return format.format(money.getAmount());
    }

    static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + " %";
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
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, Invoice invoice) {
            this.document = document;
            this.invoice = invoice;
        }

        /**
         * The text as Helvetica can show it: characters outside its encoding replaced by their base
         * letter, else by '?'; line breaks and tabs as spaces.
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
                    out.append(replacement(cp));
                }
            });
            return out.toString();
        }

        private String replacement(int cp) {
            String mapped = BASE_LETTERS.get(cp);
            if (mapped != null) {
                return mapped;
            }
            int base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD).codePointAt(0);
            return base != cp && encodable(base) ? new String(Character.toChars(base)) : "?";
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

        private static float width(PDType1Font font, float size, String text) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text broken into lines no wider than {@code max} (at spaces; a longer word is cut). */
        private List<String> wrap(String text, PDType1Font font, float size, float max) {
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

        private void text(PDType1Font font, float size, float x, float atY, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(safe(text));
            content.endText();
        }

        private void textRight(PDType1Font font, float size, float right, float atY, String text) throws IOException {
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
            textRight(bold, 18, RIGHT, top - 14, title(invoice));
            float right = top - 34;
            for (String[] field : new String[][] {
                    {"Number", invoice.number()},
                    {"Invoice date", invoice.invoiceDate().toString()},
                    {"Due date", invoice.dueDate().toString()},
                    {"Currency", invoice.currency().getCode()}}) {
                text(regular, TEXT, 390, right, field[0] + ":");
                textRight(bold, TEXT, RIGHT, right, field[1]);
                right -= LEADING;
            }
            y = Math.min(left, right) - 20;
            y = party(invoice.billTo(), "Bill to", y) - 16;
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
            text(regular, TEXT, LEFT, at, party.country());
            at -= LEADING;
            if (party.vatId() != null && !party.vatId().isBlank()) {
                text(regular, TEXT, LEFT, at, "VAT ID: " + party.vatId());
                at -= LEADING;
            }
            return at;
        }

        private void tableHeader() throws IOException {
            text(bold, TEXT, DESCRIPTION_X, y, "Description");
            text(bold, TEXT, PERIOD_X, y, "Service period");
            textRight(bold, TEXT, NET_RIGHT, y, "Net");
            textRight(bold, TEXT, TAX_RIGHT, y, "Tax");
            textRight(bold, TEXT, GROSS_RIGHT, y, "Gross");
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
                textRight(regular, TEXT, NET_RIGHT, y, amount(amounts.netto()));
                textRight(regular, TEXT, TAX_RIGHT, y, amount(amounts.tax()));
                textRight(regular, TEXT, GROSS_RIGHT, y, amount(amounts.brutto()));
                for (String part : description) {
                    text(regular, TEXT, DESCRIPTION_X, y, part);
                    y -= LEADING;
                }
                text(regular, SMALL, DESCRIPTION_X, y + 2, "Subscription " + line.subscriptionNumber());
                y -= 9;
            }
            rule(y + 4);
            y -= 8;
        }

        private void totals() throws IOException {
            TaxSplit total = invoice.total();
            String currency = " " + invoice.currency().getCode();
            String[][] rows = {
                    {"Total net", amount(total.netto()) + currency},
                    {"Tax " + percent(invoice.taxRate()), amount(total.tax()) + currency},
                    {"Total gross", amount(total.brutto()) + currency},
                    {"Paid", amount(invoice.paid()) + currency},
                    {"Amount due", amount(invoice.balance()) + currency}};
            ensureSpace(rows.length * LEADING + 4);
            for (int i = 0; i < rows.length; i++) {
                PDType1Font font = i == 2 || i == 4 ? bold : regular;
                text(font, TEXT, 330, y, rows[i][0]);
                textRight(font, TEXT, GROSS_RIGHT, y, rows[i][1]);
                y -= LEADING + (i == 2 ? 4 : 0);
            }
            y -= 12;
        }

        private void note() throws IOException {
            if (invoice.taxNote().isBlank()) {
                return;
            }
            for (String line : wrap(invoice.taxNote(), regular, TEXT, RIGHT - LEFT)) {
                ensureSpace(LEADING);
                text(regular, TEXT, LEFT, y, line);
                y -= LEADING;
            }
        }

        /** "INV00000001 · page 1 of 3" at the foot of every page, once the page count is known. */
        private void footers() throws IOException {
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        AppendMode.APPEND, true, true)) {
                    String text = safe(invoice.number() + " \u00b7 page " + (i + 1) + " of " + pages);
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
