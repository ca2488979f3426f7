package com.subscriptionsuite.application.port.in.quote;

/**
 * The job that finishes acceptances whose booking committed but whose source was not reachable to
 * mark the quote accepted: marks them now (idempotent at the source).
 */
public interface MarkAcceptedQuotes {
    /** Marks what it can; answers how many were marked. */
    int markPending();
}
