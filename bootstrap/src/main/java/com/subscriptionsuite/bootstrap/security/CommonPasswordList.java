package com.subscriptionsuite.bootstrap.security;

import com.subscriptionsuite.application.port.out.CommonPasswords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The most common passwords: the 30,000 most frequent leaked passwords that the zxcvbn library
 * ships ({@code passwords.txt}, MIT licence), plus the variants people use to get past such lists.
 * A password is common when, lower-cased, it is
 * <ul>
 * <li>on the list; or on the list once leading and trailing digits and symbols are removed
 * ({@code Monkey123!}, {@code 2024dragon}); or once l33t spellings are read back ({@code P@ssw0rd},
 * {@code p4$$w0rd}); or reversed ({@code drowssap});</li>
 * <li>one character repeated ({@code 11111111}), or a listed password repeated
 * ({@code passwordpassword});</li>
 * <li>a run along the keyboard or the alphabet, forwards or backwards ({@code 1234567890},
 * {@code qwertyuiop}, {@code zyxwvuts}).</li>
 * </ul>
 * Each check is a set look-up or a scan of the password: the cost grows with the password's
 * length only, so the check is safe on unauthenticated requests (a scoring estimator such as
 * zxcvbn's own can take seconds on hostile input).
 */
public final class CommonPasswordList implements CommonPasswords {
    static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    private static final List<String> RUNS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
            "qwertzuiop", "yxcvbnm", "azertyuiop", "abcdefghijklmnopqrstuvwxyz", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p");
    private static final String LEET_FROM = "0134@$57!|+";
    private static final String LEET_TO_I = "oieaassttil";
    private static final String LEET_TO_L = "oleaassttll";

    private final Supplier<Set<String>> source;
    private volatile Set<String> leaked;

    /**
     * The list read from zxcvbn's resource when it is first needed (or {@link #preload}ed), not here:
     * reading and indexing 30,000 passwords is work a server's start need not wait for (docs/benchmarks.md
     * "Startup"); the server preloads it on a thread of its own once it serves.
     */
    public CommonPasswordList() {
        this.source = CommonPasswordList::load;
    }

    CommonPasswordList(Set<String> leaked) {
        this.leaked = Set.copyOf(leaked);
        this.source = () -> this.leaked;
    }

    /** Reads the list now, if it was not read yet (a first registration then does not wait for it). */
    public void preload() {
        leaked();
    }

    private Set<String> leaked() {
        Set<String> read = leaked;
        if (read == null) {
            synchronized (this) {
                read = leaked;
                if (read == null) {
                    read = Set.copyOf(source.get());
                    leaked = read;
                }
            }
        }
        return read;
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswordList.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list " + LIST + " is not on the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-password list", e);
        }
    }

    /** How many passwords the list holds. */
    public int size() {
        return leaked().size();
    }

    @Override
    public boolean isCommon(String password) {
        if (password == null || password.isBlank()) {
            return true;
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (oneCharacterRepeated(lower) || alongARun(lower)) {
            return true;
        }
        for (String candidate : candidates(lower)) {
            if (leaked().contains(candidate) || leaked().contains(reversed(candidate)) || repeatsLeaked(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> candidates(String lower) {
        List<String> out = new ArrayList<>(8);
        for (String s : List.of(lower, trimmed(lower))) {
            if (!s.isEmpty()) {
                out.add(s);
                out.add(deLeet(s, LEET_TO_I));
                out.add(deLeet(s, LEET_TO_L));
            }
        }
        return out;
    }

    /** Without leading and trailing digits and symbols: {@code monkey123!} → {@code monkey}. */
    private static String trimmed(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String deLeet(String s, String to) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int at = LEET_FROM.indexOf(c);
            sb.append(at >= 0 ? to.charAt(at) : c);
        }
        return sb.toString();
    }

    private static String reversed(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    private static boolean oneCharacterRepeated(String s) {
        return s.chars().distinct().count() == 1;
    }

    /** The whole password lies along a keyboard row or the alphabet (wrapping once), either way. */
    private static boolean alongARun(String s) {
        if (s.length() < 4) {
            return false;
        }
        for (String run : RUNS) {
            String twice = run + run;
            if (twice.contains(s) || reversed(twice).contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** A listed password written several times over: {@code passwordpassword}. */
    private boolean repeatsLeaked(String s) {
        int n = s.length();
        for (int period = 1; period <= n / 2; period++) {
            if (n % period == 0 && s.substring(period).equals(s.substring(0, n - period))) {
                return leaked().contains(s.substring(0, period));
            }
        }
        return false;
    }
}
