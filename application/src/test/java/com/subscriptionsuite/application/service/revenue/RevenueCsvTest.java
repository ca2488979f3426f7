package com.subscriptionsuite.application.service.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.RevenueLineFixtures;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.TemplateColumn;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadTemplate;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevenueCsvTest {
    private static final RevenueLine LINE = RevenueLineFixtures.line("evt-1:0", "S-0001", 1);

    private static UploadTemplate template(String dateFormat, TemplateColumn... columns) {
        return new UploadTemplate(dateFormat, List.of(columns));
    }

    @Test
    void header_is_the_templates_labels_in_seq_order_and_values_follow_the_field_names() {
        UploadTemplate t = template("DD-MON-YYYY",
                new TemplateColumn("EXT_SELL_PRC", "Ext Sell", "NUMBER", 3),
                new TemplateColumn("SO_NUM", "Order", "VARCHAR2", 1),
                new TemplateColumn("SO_LINE_NUM", "Line", "NUMBER", 2),
                new TemplateColumn("SO_BOOK_DATE", "Booked", "DATE", 4),
                new TemplateColumn("SOMETHING_ELSE", "Other", "VARCHAR2", 5));

        String csv = RevenueCsv.build(t, List.of(LINE)).get();

        assertThat(csv).isEqualTo("Order,Line,Ext Sell,Booked,Other\r\nS-0001,1,47.50,03-NOV-2026,\r\n");
    }

    @Test
    void values_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled() {
        assertThat(RevenueCsv.quoted("Acme, \"Widgets\" Ltd")).isEqualTo("\"Acme, \"\"Widgets\"\" Ltd\"");
        assertThat(RevenueCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(RevenueCsv.quoted("plain")).isEqualTo("plain");
        String csv = RevenueCsv.build(UploadTemplate.standard(), List.of(LINE)).get();
        assertThat(csv).contains(",\"Acme, \"\"Widgets\"\" Ltd\",");
    }

    @Test
    void the_standard_template_writes_every_field() {
        String csv = RevenueCsv.build(UploadTemplate.standard(), List.of(LINE)).get();
        assertThat(csv.split("\r\n")[1]).isEqualTo("SO,S-0001,1,evt-1:0,03-NOV-2026,A00000042,"
                + "\"Acme, \"\"Widgets\"\" Ltd\",SUITE,Monthly,Seats,5,EUR,10.00,9.50,50.00,47.50,9.03,03-NOV-2026,"
                + "02-NOV-2027");
    }

    @ParameterizedTest
    @CsvSource({"DD-MON-YYYY, 03-NOV-2026", "MM/DD/YYYY, 11/03/2026", "YYYY-MM-DD, 2026-11-03",
            "DD.MM.RR, 03.11.26", "dd-mon-yyyy, 03-NOV-2026", "DD MONTH YYYY, 03 NOVEMBER 2026"})
    void dates_follow_the_templates_oracle_style_format(String format, String expected) {
        assertThat(RevenueCsv.DateFormat.of(format).get().format(LocalDate.of(2026, 11, 3))).isEqualTo(expected);
    }

    @Test
    void a_date_format_with_an_unknown_element_is_a_configuration_error() {
        assertThat(RevenueCsv.DateFormat.of("DD-MON-YYYY HH24:MI").getLeft())
                .isInstanceOf(RevenueFeedFailure.Misconfigured.class);
    }

    @Test
    void a_template_without_order_or_line_number_is_a_configuration_error() {
        var failure = RevenueCsv.build(template("DD-MON-YYYY", new TemplateColumn("SO_NUM", "Order", "", 1)),
                List.of(LINE)).getLeft();
        assertThat(failure).isInstanceOf(RevenueFeedFailure.Misconfigured.class);
        assertThat(failure.message()).contains("SO_LINE_NUM");
    }

    @Test
    void an_absent_end_date_and_tax_are_empty_values() {
        RevenueLine evergreen = new RevenueLine("e", RevenueLine.Kind.SALES_ORDER, "S-2", 1, "A1", null, "SUITE",
                null, null, LINE.quantity(), "EUR", LINE.unitListPrice(), LINE.unitSellPrice(),
                LINE.extendedListPrice(), LINE.extendedSellPrice(), null, LINE.bookedOn(), LINE.startsOn(), null);
        String row = RevenueCsv.build(UploadTemplate.standard(), List.of(evergreen)).get().split("\r\n")[1];
        assertThat(row).endsWith(",47.50,,03-NOV-2026,");
    }
}
