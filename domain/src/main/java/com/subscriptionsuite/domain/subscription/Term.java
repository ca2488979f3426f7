package com.subscriptionsuite.domain.subscription;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One term of a termed subscription: from {@code start} (inclusive) to {@code end} (exclusive),
 * {@code lengthMonths} months long. The end is given, not recomputed from the start, because terms
 * are measured from the subscription's start (see {@link TermSchedule}): a renewal term that starts
 * on a clamped 28 February still ends on the 31st.
 */
public record Term(LocalDate start, LocalDate end, int lengthMonths) {

    public Term {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start) || lengthMonths <= 0) {
            throw new IllegalArgumentException("a term lasts at least a month: " + start + ".." + end + ", "
                    + lengthMonths + " months");
        }
    }

    public DateRange range() {
        return new DateRange(start, end);
    }
}
