package com.subscriptionsuite.application.port.out.quote;

import io.vavr.control.Either;
import java.time.LocalDate;

/**
 * Where quotes come from, in business reads and commands: Salesforce's Zuora Quotes (the
 * {@code zqu__} objects) or the engine's own store (the embedded default). Every call can fail
 * ({@link QuoteSourceFailure}); nothing here throws for a failure of the source. A remote source is
 * never called inside a unit of work.
 */
public interface QuoteSource {
    /** The quote with this source id in the tenant, with its rate plans, charges and contacts. */
    Either<QuoteSourceFailure, SourceQuote> quote(long tenantId, String sourceId);

    /**
     * Marks the quote accepted on {@code acceptedOn}. Idempotent: marking an accepted quote again
     * changes nothing and succeeds.
     */
    Either<QuoteSourceFailure, Accepted> markAccepted(long tenantId, String sourceId, LocalDate acceptedOn);

    /** The quote is marked accepted at its source. */
    record Accepted(String sourceId) {
    }
}
