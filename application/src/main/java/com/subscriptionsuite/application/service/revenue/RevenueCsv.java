package com.subscriptionsuite.application.service.revenue;

import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.TemplateColumn;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadTemplate;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A batch's CSV as the upload template wants it: the header row is the template's labels in
 * {@code seq} order, each value the line's field named by the column's staging field name
 * ({@code SO_NUM}, {@code ITEM_NUM}... see docs/revenue-feed.md; a field the engine does not know stays
 * empty), dates in the template's Oracle-style format, amounts as plain decimals. RFC 4180 quoting
 * (a value with a comma, a quote, CR or LF is quoted, quotes doubled), CRLF line ends, UTF-8.
 */
final class RevenueCsv {
    /** Without these the staging errors could not be matched to lines. */
    static final Set<String> REQUIRED = Set.of("SO_NUM", "SO_LINE_NUM");

    private RevenueCsv() {
    }

    static Either<RevenueFeedFailure, String> build(UploadTemplate template, List<RevenueLine> lines) {
        List<TemplateColumn> columns = template.columns().stream()
                .sorted(Comparator.comparingInt(TemplateColumn::seq)).toList();
        for (String required : REQUIRED) {
            if (columns.stream().noneMatch(c -> c.fieldName().equalsIgnoreCase(required))) {
                return Either.left(new RevenueFeedFailure.Misconfigured("the template maps no column to " + required
                        + ": staging errors could not be matched to lines"));
            }
        }
        Either<RevenueFeedFailure, DateFormat> format = DateFormat.of(template.dateFormat());
        if (format.isLeft()) {
            return Either.left(format.getLeft());
        }
        DateFormat dates = format.get();
        StringBuilder out = new StringBuilder();
        row(out, columns.stream().map(TemplateColumn::label).toList());
        for (RevenueLine line : lines) {
            row(out, columns.stream().map(c -> value(line, c.fieldName(), dates)).toList());
        }
        return Either.right(out.toString());
    }

    private static void row(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(values.get(i)));
        }
        out.append("\r\n");
    }

    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String value(RevenueLine l, String field, DateFormat dates) {
        return switch (field.toUpperCase(Locale.ROOT)) {
            case "TYPE" -> l.kind().code();
            case "SO_NUM" -> l.orderNumber();
            case "SO_LINE_NUM" -> Integer.toString(l.lineNumber());
            case "SO_LINE_ID" -> l.sourceId();
            case "SO_BOOK_DATE" -> dates.format(l.bookedOn());
            case "CUSTOMER_NUM", "CUSTOMER_ID" -> l.customerNumber();
            case "CUSTOMER_NAME" -> l.customerName();
            case "ITEM_NUM" -> l.suiteProduct();
            case "RATE_PLAN" -> l.ratePlan();
            case "CHARGE" -> l.charge();
            case "ORD_QTY", "QUANTITY" -> plain(l.quantity());
            case "CURR", "CURRENCY" -> l.currency();
            case "UNIT_LIST_PRC" -> plain(l.unitListPrice());
            case "UNIT_SELL_PRC" -> plain(l.unitSellPrice());
            case "EXT_LIST_PRC" -> plain(l.extendedListPrice());
            case "EXT_SELL_PRC" -> plain(l.extendedSellPrice());
            case "TAX_AMT" -> plain(l.taxAmount());
            case "START_DATE" -> dates.format(l.startsOn());
            case "END_DATE" -> dates.format(l.endsOn());
            default -> "";
        };
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** An Oracle-style date format ({@code DD-MON-YYYY}, {@code MM/DD/YYYY}, {@code YYYY-MM-DD}...). */
    record DateFormat(DateTimeFormatter formatter, boolean upperCase) {
        String format(LocalDate date) {
            if (date == null) {
                return "";
            }
            String text = formatter.format(date);
            return upperCase ? text.toUpperCase(Locale.ROOT) : text;
        }

        static Either<RevenueFeedFailure, DateFormat> of(String oracle) {
            String f = oracle == null ? "" : oracle.strip().toUpperCase(Locale.ROOT);
            if (f.isEmpty()) {
                return Either.left(new RevenueFeedFailure.Misconfigured("the template has no date format"));
            }
            StringBuilder java = new StringBuilder();
            boolean upper = false;
            int i = 0;
            while (i < f.length()) {
                String rest = f.substring(i);
                if (rest.startsWith("YYYY") || rest.startsWith("RRRR")) {
                    java.append("yyyy");
                    i += 4;
                } else if (rest.startsWith("MONTH")) {
                    java.append("MMMM");
                    upper = true;
                    i += 5;
                } else if (rest.startsWith("MON")) {
                    java.append("MMM");
                    upper = true;
                    i += 3;
                } else if (rest.startsWith("YY") || rest.startsWith("RR")) {
                    java.append("yy");
                    i += 2;
                } else if (rest.startsWith("MM")) {
                    java.append("MM");
                    i += 2;
                } else if (rest.startsWith("DD")) {
                    java.append("dd");
                    i += 2;
                } else if ("-/. ,:".indexOf(f.charAt(i)) >= 0) {
                    java.append('\'').append(f.charAt(i)).append('\'');
                    i++;
                } else {
                    return Either.left(new RevenueFeedFailure.Misconfigured("the template's date format " + oracle
                            + " has an element the engine does not write (at " + rest + ")"));
                }
            }
            return Either.right(new DateFormat(DateTimeFormatter.ofPattern(java.toString(), Locale.ENGLISH), upper));
        }
    }
}
