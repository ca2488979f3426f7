package com.subscriptionsuite.application.port.in.quote;

import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import io.vavr.control.Either;

/**
 * Hands out a quote's link (admin): a quote stored in the engine ({@link #store}, the built-in
 * source) or one that lives at the source ({@link #link}, e.g. a Salesforce quote by its id). The
 * answer's guid carries 256 random bits and is shown once: only its SHA-256 is kept.
 */
public interface PublishQuote {
    Either<QuoteFailure, Published> store(long tenantId, SourceQuote quote);

    Either<QuoteFailure, Published> link(long tenantId, String sourceId);

    record Published(String guid, String sourceId) {
    }
}
