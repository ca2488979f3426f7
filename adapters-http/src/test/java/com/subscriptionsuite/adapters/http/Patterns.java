package com.subscriptionsuite.adapters.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings that match a regular expression of the simple kind the OpenAPI document uses: anchors,
 * literals, escapes ({@code \d}, {@code \.}), {@code .}, character classes with ranges
 * ({@code [A-Za-z0-9_-]}, {@code [^...]} is not supported), groups with alternatives and the
 * quantifiers {@code ? * + {n} {n,} {n,m}}. For the fuzz test's generator; a pattern it cannot read
 * gives an exception, and the generator falls back to other values.
 */
final class Patterns {
    private static final int OPEN_REPEAT = 4;
    private final String pattern;
    private final Random random;
    private int at;

    private Patterns(String pattern, Random random) {
        this.pattern = pattern;
        this.random = random;
    }

    /** A string matching {@code pattern} (taken as anchored at both ends). */
    static String generate(String pattern, Random random) {
        Patterns p = new Patterns(pattern, random);
        StringBuilder out = new StringBuilder();
        p.alternatives(out);
        if (p.at != pattern.length()) {
            throw new IllegalArgumentException("cannot read pattern " + pattern + " at " + p.at);
        }
        return out.toString();
    }

    /** Generates every alternative (so that the position moves past them all) and keeps one. */
    private void alternatives(StringBuilder out) {
        List<StringBuilder> options = new ArrayList<>();
        while (true) {
            StringBuilder option = new StringBuilder();
            sequence(option);
            options.add(option);
            if (at < pattern.length() && pattern.charAt(at) == '|') {
                at++;
            } else {
                break;
            }
        }
        out.append(options.get(random.nextInt(options.size())));
    }

    private void sequence(StringBuilder out) {
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == '|' || c == ')') {
                return;
            }
            if (c == '^' || c == '$') {
                at++;
                continue;
            }
            int atomStart = at;
            skipAtom();
            int atomEnd = at;
            int[] range = quantifier();
            int times = range[0] + (range[1] > range[0] ? random.nextInt(range[1] - range[0] + 1) : 0);
            int after = at;
            for (int i = 0; i < times; i++) {
                at = atomStart;
                atom(out);
            }
            if (times == 0) {
                at = atomEnd;
            }
            at = after;
        }
    }

    private void skipAtom() {
        char c = pattern.charAt(at);
        if (c == '\\') {
            at += 2;
        } else if (c == '[') {
            at = pattern.indexOf(']', at + 2) + 1;
        } else if (c == '(') {
            int depth = 0;
            do {
                char d = pattern.charAt(at);
                if (d == '\\') {
                    at++;
                } else if (d == '(') {
                    depth++;
                } else if (d == ')') {
                    depth--;
                }
                at++;
            } while (depth > 0);
        } else {
            at++;
        }
    }

    private void atom(StringBuilder out) {
        char c = pattern.charAt(at);
        if (c == '\\') {
            out.append(escape(pattern.charAt(at + 1)));
            at += 2;
        } else if (c == '[') {
            int end = pattern.indexOf(']', at + 2);
            out.append(fromClass(pattern.substring(at + 1, end)));
            at = end + 1;
        } else if (c == '(') {
            at++;
            if (pattern.startsWith("?:", at)) {
                at += 2;
            }
            alternatives(out);
            at++; // ')'
        } else if (c == '.') {
            out.append((char) ('a' + random.nextInt(26)));
            at++;
        } else {
            out.append(c);
            at++;
        }
    }

    private int[] quantifier() {
        if (at >= pattern.length()) {
            return new int[] {1, 1};
        }
        char c = pattern.charAt(at);
        if (c == '?') {
            at++;
            return new int[] {0, 1};
        }
        if (c == '*') {
            at++;
            return new int[] {0, OPEN_REPEAT};
        }
        if (c == '+') {
            at++;
            return new int[] {1, OPEN_REPEAT};
        }
        if (c == '{') {
            int end = pattern.indexOf('}', at);
            String[] bounds = pattern.substring(at + 1, end).split(",", -1);
            at = end + 1;
            int min = Integer.parseInt(bounds[0]);
            int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + OPEN_REPEAT : Integer.parseInt(bounds[1]);
            // mostly short, sometimes the longest allowed
            return random.nextInt(5) == 0 ? new int[] {max, max} : new int[] {min, Math.min(max, min + 12)};
        }
        return new int[] {1, 1};
    }

    private char escape(char c) {
        return switch (c) {
            case 'd' -> (char) ('0' + random.nextInt(10));
            case 'w' -> "abcXYZ019_".charAt(random.nextInt(10));
            case 's' -> ' ';
            default -> c;
        };
    }

    private char fromClass(String body) {
        if (body.startsWith("^")) {
            throw new IllegalArgumentException("negated classes are not supported: " + body);
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                if (e == 'd') {
                    ranges.add(new int[] {'0', '9'});
                } else {
                    ranges.add(new int[] {e, e});
                }
            } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                ranges.add(new int[] {c, body.charAt(i + 2)});
                i += 2;
            } else {
                ranges.add(new int[] {c, c});
            }
        }
        int[] range = ranges.get(random.nextInt(ranges.size()));
        return (char) (range[0] + random.nextInt(range[1] - range[0] + 1));
    }
}
