package com.subscriptionsuite.domain.identity;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/**
 * When a login may be tried again after failures (product decision). Failures count per account
 * (the email tried) and per client (its address), over the 15 minutes up to the latest failure
 * (so that a refusal lasts exactly as long as announced, not until older failures age out):
 * <ul>
 * <li>an account's 3rd failure and later ones make the next try wait 1, 2, 4 … seconds (at most
 * 60) after the last failure; from the 10th failure the account is refused until 15 minutes after
 * its last failure;</li>
 * <li>a client's 20th failure and later ones make it wait likewise; from the 50th it is refused until
 * 15 minutes after its last failure.</li>
 * </ul>
 * Nothing lasts longer than the window: the real owner is never locked out for good, and a
 * successful login or password reset clears the account's failures.
 */
public final class LoginThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int ACCOUNT_SLOW_FROM = 3;
    static final int ACCOUNT_REFUSE_FROM = 10;
    static final int CLIENT_SLOW_FROM = 20;
    static final int CLIENT_REFUSE_FROM = 50;
    static final long MAX_DELAY_SECONDS = 60;

    private LoginThrottle() {
    }

    /**
     * A budget of requests per client for a kind of unauthenticated request that creates something
     * (registrations, guest users, reset mails): at most {@code max} within the window.
     */
    public record Budget(int max) {
        /** How long to wait before the next request; none while fewer than {@code max} were made. */
        public Option<Duration> waitBeforeNext(Failures made, Instant now) {
            if (made.count() < max || made.last() == null) {
                return Option.none();
            }
            Duration wait = Duration.between(now, made.last().plus(WINDOW));
            return wait.isZero() || wait.isNegative() ? Option.none() : Option.some(wait);
        }
    }

    /** Failures of one key (account or client) in the window up to the latest of them, and that latest one. */
    public record Failures(int count, Instant last) {
        public static Failures none() {
            return new Failures(0, null);
        }
    }

    /** How long the caller must wait before trying again; none when it may try now. */
    public static Option<Duration> waitBeforeTrying(Failures account, Failures client, Instant now) {
        Duration wait = max(waitFor(account, ACCOUNT_SLOW_FROM, ACCOUNT_REFUSE_FROM, now),
                waitFor(client, CLIENT_SLOW_FROM, CLIENT_REFUSE_FROM, now));
        return wait.isZero() || wait.isNegative() ? Option.none() : Option.some(wait);
    }

    private static Duration waitFor(Failures f, int slowFrom, int refuseFrom, Instant now) {
        if (f.count() < slowFrom || f.last() == null) {
            return Duration.ZERO;
        }
        Instant until = f.count() >= refuseFrom
                ? f.last().plus(WINDOW)
                : f.last().plusSeconds(Math.min(MAX_DELAY_SECONDS, 1L << Math.min(62, f.count() - slowFrom)));
        return Duration.between(now, until);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
