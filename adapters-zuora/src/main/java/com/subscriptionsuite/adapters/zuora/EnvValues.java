package com.subscriptionsuite.adapters.zuora;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reading one setting from the environment for the remote systems' settings (Zuora, Salesforce, Zuora
 * Revenue): a value or its default, and every problem added to {@code problems} naming the variable,
 * so that a start-up reports all of them at once.
 */
public final class EnvValues {
    private EnvValues() {
    }

    /** The value stripped, or {@code fallback} when unset or blank. */
    public static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A positive number of milliseconds, or {@code fallback} when unset (and when malformed: a problem). */
    public static Duration millis(Map<String, String> env, String name, Duration fallback, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms <= 0) {
                problems.add(name + " must be a positive number of milliseconds, got " + value);
                return fallback;
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            problems.add(name + " must be a number of milliseconds, got " + value);
            return fallback;
        }
    }

    /** A whole number, or {@code fallback} when unset (and when malformed: a problem). */
    public static int integer(Map<String, String> env, String name, int fallback, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, got " + value);
            return fallback;
        }
    }

    /** A required absolute http(s) URL: a problem when it is missing ({@code example} shows one) or not such a URL. */
    public static void httpUrl(String name, String value, String example, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required (e.g. " + example + ")");
            return;
        }
        try {
            URI uri = URI.create(value.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(name + " must be an http(s) URL, got " + value);
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be an http(s) URL, got " + value);
        }
    }
}
