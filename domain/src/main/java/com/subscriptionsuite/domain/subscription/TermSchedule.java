package com.subscriptionsuite.domain.subscription;

import com.subscriptionsuite.domain.catalog.SuiteProduct;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The terms of a subscription from its start: an initial term of {@code initialMonths}, then renewal
 * terms of {@code renewalMonths} each, all measured from {@code start} (like {@link BillingCycle}, so
 * a start on the 31st keeps its day).
 * <ul>
 * <li>{@code initialMonths == 0}: evergreen, no term at all;</li>
 * <li>{@code renewalMonths == 0}: no termed renewal; after the initial term the subscription is
 * treated as evergreen (Zuora's RENEW_TO_EVERGREEN; a subscription that does not renew at all ends
 * there, which the caller knows and handles).</li>
 * </ul>
 */
public record TermSchedule(LocalDate start, int initialMonths, int renewalMonths) {

    public TermSchedule {
        Objects.requireNonNull(start, "start");
        if (initialMonths < 0 || renewalMonths < 0 || (initialMonths == 0 && renewalMonths > 0)) {
            throw new IllegalArgumentException("terms are 0 (evergreen) or more months; found initial "
                    + initialMonths + ", renewal " + renewalMonths);
        }
    }

    public static TermSchedule evergreen(LocalDate start) {
        return new TermSchedule(start, 0, 0);
    }

    public static TermSchedule termed(LocalDate start, int initialMonths, int renewalMonths) {
        if (initialMonths <= 0) {
            throw new IllegalArgumentException("a termed subscription has an initial term of at least a month");
        }
        return new TermSchedule(start, initialMonths, renewalMonths);
    }

    /**
     * The schedule a suite product gives a subscription started on {@code start}: EVERGREEN has no
     * term; TERMED has {@code term} months, then {@code renewal_term} months per renewal when it
     * auto-renews with a specific term, and no termed renewal otherwise.
     */
    public static TermSchedule of(LocalDate start, SuiteProduct product) {
        if (!"TERMED".equals(product.subscriptionType())) {
            return evergreen(start);
        }
        boolean renews = product.autoRenew() && "RENEW_WITH_SPECIFIC_TERM".equals(product.renewalType());
        return termed(start, product.term(), renews ? product.renewalTerm() : 0);
    }

    public boolean evergreen() {
        return initialMonths == 0;
    }

    /**
     * The term that contains {@code day}: the initial term or a renewal term; none when the
     * subscription is evergreen on that day.
     *
     * @throws IllegalArgumentException when {@code day} is before the start
     */
    public Option<Term> termOn(LocalDate day) {
        if (day.isBefore(start)) {
            throw new IllegalArgumentException(day + " is before the subscription start " + start);
        }
        if (evergreen()) {
            return Option.none();
        }
        LocalDate initialEnd = start.plusMonths(initialMonths);
        if (day.isBefore(initialEnd)) {
            return Option.some(new Term(start, initialEnd, initialMonths));
        }
        if (renewalMonths == 0) {
            return Option.none();
        }
        long n = (ChronoUnit.MONTHS.between(start, day) - initialMonths) / renewalMonths;
        while (!renewalStart(n + 1).isAfter(day)) {
            n++;
        }
        while (renewalStart(n).isAfter(day)) {
            n--;
        }
        return Option.some(new Term(renewalStart(n), renewalStart(n + 1), renewalMonths));
    }

    /** Start of the n-th renewal term (n = 0 is the first renewal, at the initial term's end). */
    private LocalDate renewalStart(long n) {
        return start.plusMonths(initialMonths + n * renewalMonths);
    }
}
