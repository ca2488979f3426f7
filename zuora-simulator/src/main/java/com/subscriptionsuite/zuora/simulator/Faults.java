package com.subscriptionsuite.zuora.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Faults on demand. Each rule answers the next {@code count} matching requests; by default a rule matches any
 * {@code /v1} request, {@link #on(String, String)} narrows it to one method and path prefix (a path of
 * {@code /oauth/token} reaches the token endpoint too). Rules apply in the order they were added.
 */
public final class Faults {

    /** What a rule does to the requests it matches. */
    public enum Kind {
        /** 429 with Retry-After and a category-70 error body. */
        RATE_LIMIT,
        /** The given status (500, 502, 503, 504...) with Zuora's error body. */
        STATUS,
        /** Waits, then handles the request normally. */
        DELAY,
        /** Closes the connection without an answer; nothing is processed. */
        DROP,
        /** Processes the request fully (state changed, idempotency key completed), then closes without an answer. */
        COMMIT_THEN_DROP
    }

    record Rule(Kind kind, String method, String pathPrefix, int status, int retryAfterSeconds, long delayMillis,
                int[] remaining) {
        boolean matches(String m, String path) {
            if (method != null && !method.equalsIgnoreCase(m)) {
                return false;
            }
            if (pathPrefix == null) {
                return path.startsWith("/v1/");
            }
            return path.startsWith(pathPrefix);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private volatile boolean down;

    /** Rules for one method (null = any) and path prefix (e.g. "/v1/orders"). */
    public Target on(String method, String pathPrefix) {
        return new Target(method == null ? null : method.toUpperCase(Locale.ROOT), pathPrefix);
    }

    private Target any() {
        return new Target(null, null);
    }

    public Faults rateLimit(int count, int retryAfterSeconds) { any().rateLimit(count, retryAfterSeconds); return this; }
    public Faults status(int count, int status) { any().status(count, status); return this; }
    public Faults delay(int count, long millis) { any().delay(count, millis); return this; }
    public Faults drop(int count) { any().drop(count); return this; }
    public Faults commitThenDrop(int count) { any().commitThenDrop(count); return this; }

    /** While down, every /v1 request fails fast with 503. */
    public Faults down(boolean isDown) {
        this.down = isDown;
        return this;
    }

    public boolean isDown() {
        return down;
    }

    /** Removes all rules and ends a {@link #down(boolean)}. */
    public synchronized Faults clear() {
        rules.clear();
        down = false;
        return this;
    }

    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining()[0]).sum();
    }

    synchronized void add(Rule rule) {
        rules.add(rule);
    }

    /** Takes one use of the first rule matching the request, if any. */
    synchronized Optional<Rule> take(String method, String path) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule r = it.next();
            if (r.matches(method, path)) {
                r.remaining()[0]--;
                if (r.remaining()[0] <= 0) {
                    it.remove();
                }
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Rules narrowed to one method and path prefix. */
    public final class Target {
        private final String method;
        private final String pathPrefix;

        Target(String method, String pathPrefix) {
            this.method = method;
            this.pathPrefix = pathPrefix;
        }

        public Target rateLimit(int count, int retryAfterSeconds) {
            add(new Rule(Kind.RATE_LIMIT, method, pathPrefix, 429, retryAfterSeconds, 0, new int[] {count}));
            return this;
        }

        public Target status(int count, int status) {
            add(new Rule(Kind.STATUS, method, pathPrefix, status, 0, 0, new int[] {count}));
            return this;
        }

        public Target delay(int count, long millis) {
            add(new Rule(Kind.DELAY, method, pathPrefix, 0, 0, millis, new int[] {count}));
            return this;
        }

        public Target drop(int count) {
            add(new Rule(Kind.DROP, method, pathPrefix, 0, 0, 0, new int[] {count}));
            return this;
        }

        public Target commitThenDrop(int count) {
            add(new Rule(Kind.COMMIT_THEN_DROP, method, pathPrefix, 0, 0, 0, new int[] {count}));
            return this;
        }
    }
}
