package com.subscriptionsuite.domain.text;

import io.vavr.control.Option;
import java.util.Set;

/**
 * The one set of rules for text a person types and the engine stores and shows again (names,
 * addresses, phone numbers, email addresses, card holders): what is trimmed, what counts as empty,
 * how length is counted and which characters cannot be right. Every real name in every script
 * passes; what is refused is what no name or address contains and what can hurt the systems and
 * people that show it later.
 * <ul>
 * <li><b>Trimmed</b> ({@link #trim}): white space and invisible characters at both ends: every
 * Unicode space (ASCII, no-break U+00A0, the U+2000 family, narrow no-break U+202F, ideographic
 * U+3000), line breaks and tabs, and the zero-width and filler characters that show nothing
 * (U+200B–U+200F, U+2060, U+FEFF, U+180E, U+00AD, U+034F, the Hangul fillers U+115F, U+1160,
 * U+3164, U+FFA0). Inside the text they are kept: a zero-width joiner is part of Persian words and
 * emoji sequences.</li>
 * <li><b>Blank</b> ({@link #isBlank}): nothing left after trimming; a required field that is blank
 * is missing.</li>
 * <li><b>Length</b> ({@link #length}) counts code points, as a person counts characters: an emoji
 * outside the Basic Multilingual Plane is one character, not two UTF-16 units. A letter and its
 * combining mark are two.</li>
 * <li><b>Refused</b> ({@link #problem}): control characters (C0, DEL, C1, NUL included; in
 * {@link Shape#MULTI_LINE} text line feed, carriage return and tab are allowed), line breaks (line
 * feed, carriage return, vertical tab, form feed, U+0085, U+2028, U+2029) in
 * {@link Shape#SINGLE_LINE} text, the explicit bidirectional formatting
 * characters U+202A–U+202E and U+2066–U+2069 (they reorder what is displayed, the trick of
 * "Trojan Source" and spoofed file names; the implicit marks U+200E and U+200F stay allowed),
 * lone UTF-16 surrogates (not a character at all) and Unicode noncharacters (U+FFFE, U+FFFF,
 * U+FDD0–U+FDEF and their equivalents in every plane).</li>
 * </ul>
 * Text is kept as sent otherwise (not normalised to NFC): what a customer typed is what invoices
 * show.
 */
public final class TextRules {
    /** Whether a field is one line (names, streets, codes) or may hold line breaks (an address supplement). */
    public enum Shape {
        SINGLE_LINE, MULTI_LINE
    }

    private static final Set<Integer> INVISIBLE = Set.of(0x00AD, 0x034F, 0x115F, 0x1160, 0x180E, 0x200B, 0x200C,
            0x200D, 0x200E, 0x200F, 0x2060, 0x3164, 0xFEFF, 0xFFA0);

    private TextRules() {
    }

    /** The text without white space and invisible characters at either end; null stays null. */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end) {
            int cp = value.codePointAt(start);
            if (!isBlank(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = value.codePointBefore(end);
            if (!isBlank(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return value.substring(start, end);
    }

    /** Null, empty, or nothing but white space and invisible characters. */
    public static boolean isBlank(String value) {
        return value == null || trim(value).isEmpty();
    }

    /** The number of characters as a person counts them: code points (a lone surrogate counts one). */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * Why {@code value} (as given: trim it first) cannot be stored in a field of this shape, or none.
     * The reason names the offending character by its code point, never echoes it.
     */
    public static Option<String> problem(String value, Shape shape, int maxLength) {
        if (value == null) {
            return Option.none();
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            Option<String> refused = refused(value, i, cp, shape);
            if (refused.isDefined()) {
                return refused;
            }
            i += Character.charCount(cp);
        }
        int length = length(value);
        if (length > maxLength) {
            return Option.some("at most " + maxLength + " characters");
        }
        return Option.none();
    }

    private static Option<String> refused(String value, int i, int cp, Shape shape) {
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            return Option.some("contains a broken character (a lone UTF-16 surrogate " + codePoint(cp)
                    + " at position " + (length(value.substring(0, i)) + 1) + ")");
        }
        if (shape == Shape.SINGLE_LINE && isLineBreak(cp)) {
            return Option.some("must be one line (it contains the line break " + codePoint(cp) + ")");
        }
        if (shape == Shape.MULTI_LINE
                && (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029)) {
            return Option.none();
        }
        if (Character.getType(cp) == Character.CONTROL) {
            return Option.some("contains the control character " + codePoint(cp) + ", which text cannot hold");
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return Option.some("contains the bidirectional control " + codePoint(cp)
                    + ", which can disguise what is displayed");
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return Option.some("contains " + codePoint(cp) + ", which is not a character");
        }
        return Option.none();
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x000B || cp == 0x000C || cp == 0x0085 || cp == 0x2028
                || cp == 0x2029;
    }

    private static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || INVISIBLE.contains(cp);
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
