package com.subscriptionsuite.zuora.simulator.revenue;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as Zuora Revenue reads an upload: quoted values, doubled quotes, CRLF or LF. */
final class Csv {
    private Csv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    value.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!value.isEmpty()) {
                        throw new IllegalArgumentException("a quote inside an unquoted value on line " + (rows.size() + 1));
                    }
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(value.toString());
                    value.setLength(0);
                    any = true;
                }
                case '\r' -> {
                }
                case '\n' -> {
                    row.add(value.toString());
                    rows.add(row);
                    row = new ArrayList<>();
                    value.setLength(0);
                    any = false;
                }
                default -> {
                    value.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unterminated quoted value");
        }
        if (any || !value.isEmpty()) {
            row.add(value.toString());
            rows.add(row);
        }
        return rows;
    }
}
