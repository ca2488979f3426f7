package com.subscriptionsuite.zuora.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PdfTest {
    @Test
    void starts_with_the_pdf_header_and_its_xref_points_at_the_objects() {
        byte[] pdf = Pdf.textPage(List.of("INVOICE INV1 (with parentheses)", "Total 80.00 USD"));
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n");
        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n").matcher(text);
        assertThat(startxref.find()).isTrue();
        int xref = Integer.parseInt(startxref.group(1));
        assertThat(text.substring(xref)).startsWith("xref");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n").matcher(text.substring(xref));
        int object = 1;
        while (entries.find()) {
            int offset = Integer.parseInt(entries.group(1));
            assertThat(text.substring(offset)).startsWith(object + " 0 obj");
            object++;
        }
        assertThat(object).isEqualTo(6);
    }
}
