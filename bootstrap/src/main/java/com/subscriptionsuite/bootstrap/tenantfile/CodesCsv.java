package com.subscriptionsuite.bootstrap.tenantfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of voucher codes: UTF-8 text, one code per line, optionally a first line {@code code} (a
 * CSV header; compared without regard to case). Blank lines are skipped, surrounding blanks and a
 * byte order mark dropped, and a value in double quotes unquoted ({@code "AB-1"}, with {@code ""}
 * for a quote), as spreadsheets write it. Everything else on a line is the code as written:
 * checking it is the rules' job ({@code CampaignRules}), which name the line.
 *
 * @param codes the codes in file order, as written
 * @param lines each code's line number in the file (from 1), to name it in problems
 */
public record CodesCsv(List<String> codes, List<Integer> lines) {
    private static final Pattern LINE_PATH = Pattern.compile("line ([0-9]{1,9})");

    public CodesCsv {
        codes = List.copyOf(codes);
        lines = List.copyOf(lines);
        if (codes.size() != lines.size()) {
            throw new IllegalArgumentException("one line number per code");
        }
    }

    /** Reads the whole stream (not closed here); refuses text that is not UTF-8. */
    public static CodesCsv read(InputStream in) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
        return parse(text);
    }

    static CodesCsv parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] rows = text.split("\r\n|\r|\n", -1);
        List<String> codes = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < rows.length; i++) {
            String value = unquote(rows[i].strip());
            if (value.isEmpty()) {
                continue;
            }
            if (first && value.toLowerCase(Locale.ROOT).equals("code")) {
                first = false;
                continue;
            }
            first = false;
            codes.add(value);
            lines.add(i + 1);
        }
        return new CodesCsv(codes, lines);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\"\"", "\"").strip();
        }
        return value;
    }

    /** The file line of the {@code index}-th code (from 0). */
    public int line(int index) {
        return lines.get(index);
    }

    /**
     * A problem about the {@code n}-th code ({@code line n}, counted over the codes alone, as the
     * rules count them) moved to the code's real line in this file; other problems as they are.
     */
    public String fileLine(String path) {
        Matcher m = LINE_PATH.matcher(path);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= lines.size()) {
                return "line " + lines.get(n - 1);
            }
        }
        return path;
    }
}
