package com.subscriptionsuite.adapters.persistence;

/**
 * What one run of {@link Database#compactStorage} did on an H2 file: how full the file's chunks were before and
 * after (percent of their bytes still live; the chunks a run frees count, empty, until H2's retention time of
 * 45 s has passed, so the effect shows in the next run's {@code fillRateBefore}), in how many steps, and the
 * file's size after (H2 reuses the space of the chunks it freed; the file does not shrink). All zero where there is nothing to compact (PostgreSQL,
 * an H2 database without a file).
 */
public record StorageCompaction(int fillRateBefore, int fillRateAfter, int steps, long fileBytes) {
    /** Nothing to compact. */
    public static final StorageCompaction NOTHING = new StorageCompaction(0, 0, 0, 0);
}
