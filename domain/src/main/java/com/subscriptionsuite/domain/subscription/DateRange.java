package com.subscriptionsuite.domain.subscription;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A run of days from {@code start} (inclusive) to {@code end} (exclusive), at least one day long. */
public record DateRange(LocalDate start, LocalDate end) {

    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a date range ends after it starts: " + start + ".." + end);
        }
    }

    /** Actual calendar days in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /**
     * Days from {@code day} to the end: the whole range on its start, 1 on its last day, 0 on its
     * end date (which already belongs to the next range).
     */
    public long daysRemainingFrom(LocalDate day) {
        if (day.isBefore(start) || day.isAfter(end)) {
            throw new IllegalArgumentException(day + " is outside " + this);
        }
        return ChronoUnit.DAYS.between(day, end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
