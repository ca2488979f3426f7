package com.subscriptionsuite.application.port.out.quote;

/**
 * The engine's own quote store, where quotes are written (the built-in source): a remote source
 * (Salesforce) has none, its quotes are made where they live.
 */
public interface StoredQuotes {
    /**
     * Stores a new quote of the tenant (its {@code sourceId} is ignored) and answers the id it is
     * kept under. Joins the running unit of work.
     */
    String add(long tenantId, SourceQuote quote);
}
